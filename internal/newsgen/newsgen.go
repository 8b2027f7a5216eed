// Package newsgen generates news-like text for benchmarks and property
// tests: mostly prose, a conversion pair every ~120 words and a stray
// number every ~40 words, deterministic for a seed.
package newsgen

import (
	"math/rand/v2"
	"strings"
)

// prose words, weighted towards the short function words of real copy
var words = strings.Fields(`the of and to a in that is was he for it with as his on be at by
had are but from or have an they which one you were her all she there would their we him been
has when who will more no if out so said what up its about into than them can only other new
some could time these two may then do first any my now such like our over man me even most made
after also did many before must through back years where much your way well down should because
each just those people how too little state good very make world still own see men work long get
here between both life being under never day same another know while last might us great old year
off come since against go came right used take three states himself few house use during without
again place american around however home small found thought went say part once general high upon
school every don does got united left number course war until always away something fact though
water less public put think almost hand enough far took head yet government system better set told
nothing night end why called didn eyes find going look asked later knew point next program city
business give group toward young days let room president side social given present several order
national possible rather second per face among form important often things looking early white
minister council officials police residents spokesman ministry report agency reported according`)

// pairs are conversion pairs in several house styles, right and wrong.
var pairs = []string{
	"1,000 sq km (386 sq miles)", "100km (62 miles)", "35C (95F)", "a 10-mile (16km) stretch",
	"6ft 2in (1.88m)", "2.5 million litres (550,000 gallons)", "90mph (145km/h)",
	"6,200 feet (1,890 meters)", "95 degrees Fahrenheit (35 degrees Celsius)", "10 m.p.h. (16 km/h)",
	"minus 40 Celsius (minus 40 Fahrenheit)", "5-10km (3-6 miles)", "120 sq km or 75 sq miles",
	"300kW (402hp)", "32psi (2.2 bar)", "a 2C (3.6F) rise", "48,000 sq km (18,500 sq miles)",
}

// strays are numbers that are not pairs.
var strays = []string{
	"2019", "14", "3,400", "12%", "£5bn", "10pm", "(42)", "2-1", "1.5m people", "Apollo 11",
	"five", "a dozen", "9 August", "27",
}

// Article returns about n bytes of news-like text for a seed.
func Article(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15)) //nolint:gosec // deterministic text for benchmarks, not secrets
	var b strings.Builder
	b.Grow(n + 256)
	sentence := 0
	for b.Len() < n {
		w := words[r.IntN(len(words))]
		if sentence == 0 {
			w = strings.ToUpper(w[:1]) + w[1:]
		}
		b.WriteString(w)
		switch k := r.IntN(120); {
		case k == 0:
			b.WriteByte(' ')
			b.WriteString(pairs[r.IntN(len(pairs))])
		case k < 3:
			b.WriteByte(' ')
			b.WriteString(strays[r.IntN(len(strays))])
		}
		sentence++
		if sentence > 8+r.IntN(20) {
			b.WriteString(".")
			if r.IntN(4) == 0 {
				b.WriteString("\n\n")
			} else {
				b.WriteByte(' ')
			}
			sentence = 0
		} else {
			b.WriteByte(' ')
		}
	}
	return []byte(b.String())
}
