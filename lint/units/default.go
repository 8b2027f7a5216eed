package units

import "sync"

// defaultCatalogue is built once; a Catalogue is immutable, so sharing it
// between goroutines and runs is safe.
var defaultCatalogue = sync.OnceValue(func() *Catalogue { return New(Style{}) })

// Default returns the shared catalogue of the default house style (US
// gallon, short ton). Generic spellings are resolved per document by the
// pair finder, so one catalogue serves every house style.
func Default() *Catalogue { return defaultCatalogue() }
