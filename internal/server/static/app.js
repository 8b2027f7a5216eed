// unitlint's pre-publish page: the copy is checked by POST /v1/check as
// the editor types (debounced); conversions that do not agree are
// highlighted in the checked view, with the explanation and the fix on
// hover, click or keyboard focus. Plain JavaScript, no build step, no
// request outside this server.
'use strict';

(function () {
  const DEBOUNCE_MS = 250;

  // utf8Length returns the number of UTF-8 bytes of the code point cp.
  // A lone surrogate counts 3: JSON carries it as U+FFFD.
  function utf8Length(cp) {
    if (cp < 0x80) return 1;
    if (cp < 0x800) return 2;
    if (cp < 0x10000) return 3;
    return 4;
  }

  // byteToIndex maps UTF-8 byte offsets into text (as the API reports
  // them) to JavaScript string indices (UTF-16 code units). It returns a
  // Map from each offset to its index; an offset inside a character maps
  // to the index after it, one past the end to text.length.
  function byteToIndex(text, offsets) {
    const sorted = Array.from(new Set(offsets)).sort((a, b) => a - b);
    const out = new Map();
    let k = 0;
    let bytes = 0;
    let i = 0;
    while (k < sorted.length) {
      while (k < sorted.length && sorted[k] <= bytes) {
        out.set(sorted[k], i);
        k++;
      }
      if (i >= text.length) break;
      const cp = text.codePointAt(i);
      bytes += utf8Length(cp);
      i += cp > 0xffff ? 2 : 1;
    }
    for (; k < sorted.length; k++) out.set(sorted[k], text.length);
    return out;
  }

  // applyEdits applies edits {start, end, text} in string indices, which
  // must not overlap, to text.
  function applyEdits(text, edits) {
    const sorted = edits.slice().sort((a, b) => b.start - a.start);
    for (const e of sorted) text = text.slice(0, e.start) + e.text + text.slice(e.end);
    return text;
  }

  // For tests and the curious: window.unitlint.byteToIndex(...).
  window.unitlint = { byteToIndex, applyEdits };

  const $ = (id) => document.getElementById(id);
  const el = {
    copy: $('copy'), format: $('format'), tolerance: $('tolerance'),
    view: $('view'), problems: $('problems'), noProblems: $('no-problems'),
    pairsCount: $('pairs-count'), pairsWord: $('pairs-word'),
    problemCount: $('problem-count'), problemWord: $('problem-word'),
    busy: $('busy'), error: $('error'), applyAll: $('apply-all'), announce: $('announce'),
    card: $('card'), cardSeverity: $('card-severity'), cardMessage: $('card-message'),
    cardCause: $('card-cause'), cardApply: $('card-apply'), cardClose: $('card-close'),
  };

  const state = {
    text: null,      // the text the problems were found in
    problems: [],    // {diag, start, end, edits, fixMessage} in string indices
    seq: 0,          // number of the latest request; older answers are dropped
    controller: null,
    timer: 0,
    card: { index: -1, pinned: false, hideTimer: 0 },
  };

  // request posts the copy to the API and returns the decoded answer.
  async function request(path, text) {
    if (state.controller) state.controller.abort();
    const controller = new AbortController();
    state.controller = controller;
    const seq = ++state.seq;
    el.busy.hidden = false;
    try {
      const resp = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ text, format: el.format.value, config: { tolerance: el.tolerance.value } }),
        signal: controller.signal,
      });
      let body;
      try {
        body = await resp.json();
      } catch (e) {
        body = { error: 'the server answered ' + resp.status + ' ' + resp.statusText };
      }
      if (seq !== state.seq) return null;
      if (!resp.ok) {
        showError(body.error || ('the server answered ' + resp.status));
        return null;
      }
      showError('');
      return body;
    } catch (e) {
      if (e.name === 'AbortError') return null;
      if (seq === state.seq) showError('Could not reach the server: ' + e.message);
      return null;
    } finally {
      if (seq === state.seq) el.busy.hidden = true;
    }
  }

  function showError(msg) {
    el.error.textContent = msg;
    el.error.hidden = msg === '';
  }

  // check checks the copy as it is now.
  async function check() {
    clearTimeout(state.timer);
    const text = el.copy.value;
    const body = await request('/v1/check', text);
    if (body && el.copy.value === text) render(text, body.diagnostics, body.pairs_checked);
  }

  function scheduleCheck() {
    clearTimeout(state.timer);
    state.timer = setTimeout(check, DEBOUNCE_MS);
  }

  // render shows the problems of text: highlights, counts and the list.
  function render(text, diags, pairs) {
    const offsets = [];
    for (const d of diags) {
      offsets.push(d.start.offset, d.end.offset);
      for (const f of d.fixes) for (const e of f.edits) offsets.push(e.start, e.end);
    }
    const at = byteToIndex(text, offsets);
    state.text = text;
    state.problems = diags.map((d) => {
      const fix = d.fixes[0];
      return {
        diag: d,
        start: at.get(d.start.offset),
        end: at.get(d.end.offset),
        edits: fix ? fix.edits.map((e) => ({ start: at.get(e.start), end: at.get(e.end), text: e.new_text })) : [],
        fixMessage: fix ? fix.message : '',
      };
    });
    hideCard();
    renderView(text);
    renderList();
    el.pairsCount.textContent = String(pairs);
    el.pairsWord.textContent = pairs === 1 ? 'pair' : 'pairs';
    el.problemCount.textContent = String(diags.length);
    el.problemWord.textContent = diags.length === 1 ? 'problem' : 'problems';
    el.applyAll.disabled = !state.problems.some((p) => p.edits.length > 0);
  }

  function renderView(text) {
    const view = el.view;
    view.textContent = '';
    if (text === '') {
      const p = document.createElement('p');
      p.className = 'placeholder';
      p.textContent = 'The checked copy appears here.';
      view.appendChild(p);
      return;
    }
    let last = 0;
    state.problems.forEach((p, i) => {
      if (p.start < last) return; // overlaps the previous highlight: listed only
      view.appendChild(document.createTextNode(text.slice(last, p.start)));
      view.appendChild(markFor(text, p, i));
      last = p.end;
    });
    view.appendChild(document.createTextNode(text.slice(last)));
  }

  // markFor builds the highlight of problem i; the bytes its fix replaces
  // are set in bold.
  function markFor(text, p, i) {
    const mark = document.createElement('mark');
    mark.className = 'problem ' + p.diag.severity;
    mark.tabIndex = 0;
    mark.dataset.index = String(i);
    mark.setAttribute('role', 'button');
    mark.setAttribute('aria-label', p.diag.severity + ': ' + p.diag.message +
      (p.edits.length ? '. Press Enter to ' + p.fixMessage + '.' : ''));
    const e = p.edits.length === 1 ? p.edits[0] : null;
    if (e && e.start >= p.start && e.end <= p.end && e.end > e.start) {
      const wrong = document.createElement('span');
      wrong.className = 'wrong';
      wrong.textContent = text.slice(e.start, e.end);
      mark.append(text.slice(p.start, e.start), wrong, text.slice(e.end, p.end));
    } else {
      mark.textContent = text.slice(p.start, p.end);
    }
    return mark;
  }

  function renderList() {
    el.problems.textContent = '';
    state.problems.forEach((p, i) => {
      const li = document.createElement('li');
      const where = document.createElement('button');
      where.type = 'button';
      where.className = 'where';
      where.textContent = 'line ' + p.diag.start.line + ', column ' + p.diag.start.column;
      where.addEventListener('click', () => focusMark(i));
      const sev = document.createElement('span');
      sev.className = 'sev ' + p.diag.severity;
      sev.textContent = p.diag.severity;
      li.append(where, ' ', sev, ': ' + p.diag.message + ' ');
      if (p.edits.length) {
        const apply = document.createElement('button');
        apply.type = 'button';
        apply.className = 'apply';
        apply.textContent = 'Apply fix: ' + p.fixMessage;
        apply.addEventListener('click', () => applyFix(i));
        li.append(apply);
      }
      el.problems.appendChild(li);
    });
    el.noProblems.hidden = state.problems.length > 0 || state.text === null;
  }

  function markAt(i) {
    return el.view.querySelector('mark[data-index="' + i + '"]');
  }

  function focusMark(i) {
    const m = markAt(i);
    if (m) {
      m.focus();
      m.scrollIntoView({ block: 'nearest' });
    }
  }

  // applyFix applies the fix of problem i to the copy and checks again.
  async function applyFix(i) {
    const p = state.problems[i];
    if (!p || p.edits.length === 0) return;
    if (el.copy.value !== state.text) {
      // the copy changed since it was checked: the offsets are stale
      await check();
      return;
    }
    el.copy.value = applyEdits(state.text, p.edits);
    announce('Fixed: ' + p.fixMessage);
    await check();
    refocus(i);
  }

  // applyAll asks the server to apply every fix.
  async function applyAll() {
    const text = el.copy.value;
    const body = await request('/v1/fix', text);
    if (!body || el.copy.value !== text) return;
    el.copy.value = body.text;
    render(body.text, body.remaining, body.pairs_checked);
    const n = body.edits.length;
    announce('Applied ' + n + (n === 1 ? ' fix' : ' fixes'));
  }

  // refocus keeps the keyboard where it was after a fix: on the next
  // highlight, or on the view.
  function refocus(i) {
    const m = markAt(i) || markAt(i - 1);
    if (m) m.focus();
    else el.view.focus();
  }

  function announce(msg) {
    el.announce.textContent = msg;
  }

  // The card: the explanation and fix of one problem.

  function showCard(i, pinned) {
    const p = state.problems[i];
    const mark = markAt(i);
    if (!p || !mark) return;
    clearTimeout(state.card.hideTimer);
    const prev = markAt(state.card.index);
    if (prev) prev.classList.remove('active');
    state.card.index = i;
    state.card.pinned = pinned || state.card.pinned;
    mark.classList.add('active');
    el.cardSeverity.textContent = p.diag.severity + ' · ' + p.diag.rule;
    el.cardSeverity.className = 'card-severity ' + p.diag.severity;
    el.cardMessage.textContent = p.diag.message;
    el.cardCause.textContent = p.diag.cause && p.diag.cause !== 'other'
      ? 'Likely cause: ' + p.diag.cause.replace(/-/g, ' ') + '.' : '';
    el.cardCause.hidden = el.cardCause.textContent === '';
    el.cardApply.hidden = p.edits.length === 0;
    el.cardApply.textContent = p.edits.length ? 'Apply fix: ' + p.fixMessage : '';
    el.card.hidden = false;
    const r = mark.getBoundingClientRect();
    const width = el.card.offsetWidth;
    const left = Math.max(8, Math.min(r.left, document.documentElement.clientWidth - width - 8));
    el.card.style.left = (left + window.scrollX) + 'px';
    el.card.style.top = (r.bottom + window.scrollY + 6) + 'px';
  }

  function hideCard() {
    clearTimeout(state.card.hideTimer);
    const m = markAt(state.card.index);
    if (m) m.classList.remove('active');
    el.card.hidden = true;
    state.card.index = -1;
    state.card.pinned = false;
  }

  function hideCardSoon() {
    if (state.card.pinned) return;
    clearTimeout(state.card.hideTimer);
    state.card.hideTimer = setTimeout(hideCard, 300);
  }

  function markOf(target) {
    return target instanceof Element ? target.closest('mark.problem') : null;
  }

  el.view.addEventListener('mouseover', (ev) => {
    const m = markOf(ev.target);
    if (m && !state.card.pinned) showCard(Number(m.dataset.index), false);
  });
  el.view.addEventListener('mouseout', (ev) => {
    if (markOf(ev.target)) hideCardSoon();
  });
  el.view.addEventListener('click', (ev) => {
    const m = markOf(ev.target);
    if (m) {
      state.card.pinned = false;
      showCard(Number(m.dataset.index), true);
    }
  });
  el.view.addEventListener('focusin', (ev) => {
    const m = markOf(ev.target);
    if (m) showCard(Number(m.dataset.index), false);
  });
  el.view.addEventListener('keydown', (ev) => {
    const m = markOf(ev.target);
    if (!m) return;
    if (ev.key === 'Enter' || ev.key === ' ') {
      ev.preventDefault();
      applyFix(Number(m.dataset.index));
    } else if (ev.key === 'Escape') {
      hideCard();
    }
  });
  el.card.addEventListener('mouseenter', () => clearTimeout(state.card.hideTimer));
  el.card.addEventListener('mouseleave', hideCardSoon);
  el.cardApply.addEventListener('click', () => applyFix(state.card.index));
  el.cardClose.addEventListener('click', () => {
    const i = state.card.index;
    hideCard();
    focusMark(i);
  });
  document.addEventListener('keydown', (ev) => {
    if (ev.key === 'Escape' && !el.card.hidden) {
      const i = state.card.index;
      hideCard();
      focusMark(i);
    }
  });
  document.addEventListener('click', (ev) => {
    if (el.card.hidden || !(ev.target instanceof Element)) return;
    if (!ev.target.closest('#card') && !markOf(ev.target)) hideCard();
  });

  el.copy.addEventListener('input', scheduleCheck);
  el.format.addEventListener('change', check);
  el.tolerance.addEventListener('change', check);
  el.applyAll.addEventListener('click', applyAll);

  if (el.copy.value !== '') check();
})();
