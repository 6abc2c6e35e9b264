// The self-study page: drills the cards embedded in #bankgen-data with
// FSRS (window.FSRS, the vendored ts-fsrs) and keeps the learner's
// progress in localStorage. Only the card on screen is in the document;
// card HTML comes escaped from bankgen and is the only HTML inserted.
// Wide diagrams and code fit the card by the card renderer's own CSS.
(function () {
  'use strict';
  performance.mark('bankgen-start');

  var FSRS = window.FSRS;
  var data = JSON.parse(document.getElementById('bankgen-data').textContent);
  var cards = data.cards;
  var scheduler = FSRS.fsrs(FSRS.generatorParameters({ enable_fuzz: false }));
  var STORE = 'bankgen-quiz/v1/' + data.deck;
  var SCHEMA = 'bankgen-quiz-progress/v1';
  var PAGE = 50; // list entries shown at a time

  function $(id) { return document.getElementById(id); }
  var el = {
    topic: $('f-topic'), level: $('f-level'), kind: $('f-kind'), search: $('f-search'),
    summary: $('summary'), announce: $('announce'),
    card: $('card'), label: $('card-label'), chipTopic: $('card-topic'), chipLevel: $('card-level'),
    chipKind: $('card-kind'), chipState: $('card-state'), front: $('front'), back: $('back'),
    revealBar: $('reveal-bar'), reveal: $('reveal'), gradeBar: $('grade-bar'),
    done: $('done'), doneText: $('done-text'),
    list: $('list'), more: $('more'), browseSummary: $('browse-summary'), stats: document.querySelector('#stats tbody'),
    exportBtn: $('export'), importInput: $('import'), print: $('print'), reset: $('reset'),
    toolsStatus: $('tools-status'), dialog: $('reset-dialog'),
    resetCancel: $('reset-cancel'), resetConfirm: $('reset-confirm'), printList: $('print-list')
  };

  var labels = { topic: {}, level: {}, kind: {} };
  data.topics.forEach(function (o) { labels.topic[o.id] = o.label; });
  data.levels.forEach(function (o) { labels.level[o.id] = o.label; });
  data.kinds.forEach(function (o) { labels.kind[o.id] = o.label; });
  var kindShort = {
    question: 'Question', section: 'Answer section', gap: 'Gap', phrasing: 'Say it like this',
    diagram: 'Diagram', concept: 'Concept', reverse: 'Concept, reversed'
  };

  // ---- progress ----------------------------------------------------

  var storage = null;
  try {
    storage = window.localStorage;
    storage.getItem(STORE);
  } catch (e) {
    storage = null;
  }

  // progress maps a card ID to its FSRS card, dates as ISO strings.
  var progress = load();

  function load() {
    if (!storage) return {};
    try {
      var p = JSON.parse(storage.getItem(STORE) || '{}');
      return p && p.cards && typeof p.cards === 'object' ? p.cards : {};
    } catch (e) {
      return {};
    }
  }

  function save() {
    if (!storage) return false;
    try {
      storage.setItem(STORE, JSON.stringify({ schema: SCHEMA, deck: data.deck, cards: progress }));
      return true;
    } catch (e) {
      return false;
    }
  }

  function toCard(s) {
    var c = {};
    for (var k in s) c[k] = s[k];
    c.due = new Date(s.due);
    if (s.last_review) c.last_review = new Date(s.last_review);
    return c;
  }

  function fromCard(c) {
    var s = {};
    for (var k in c) s[k] = c[k];
    s.due = c.due.toISOString();
    if (c.last_review) s.last_review = c.last_review.toISOString();
    return s;
  }

  function validEntry(s) {
    return s && typeof s === 'object' && typeof s.due === 'string' && !isNaN(Date.parse(s.due)) &&
      typeof s.stability === 'number' && typeof s.difficulty === 'number' && typeof s.state === 'number';
  }

  // state returns 'new', 'due' or 'learned' for card i at time now.
  function state(i, now) {
    var p = progress[cards[i].id];
    if (!p) return 'new';
    return Date.parse(p.due) <= now ? 'due' : 'learned';
  }

  // ---- filters and search --------------------------------------------

  var filter = { topic: '', level: '', kind: '', words: [] };
  var texts = null; // searchable text of each card, built on first search

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  var entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  function plain(html) {
    return html.replace(/<[^>]*>/g, ' ').replace(/&(#x?[0-9a-f]+|[a-z]+);/gi, function (m, e) {
      if (e[0] !== '#') return entities[e.toLowerCase()] || m;
      var n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    });
  }

  function searchText(i) {
    if (!texts) {
      texts = cards.map(function (c) { return fold(c.title + ' ' + plain(c.front) + ' ' + plain(c.back)); });
    }
    return texts[i];
  }

  function matches(i, anyTopic) {
    var c = cards[i];
    if (!anyTopic && filter.topic !== '' && String(c.topic) !== filter.topic) return false;
    if (filter.level && c.level !== filter.level) return false;
    if (filter.kind && c.kind !== filter.kind) return false;
    if (filter.words.length) {
      var t = searchText(i);
      for (var w = 0; w < filter.words.length; w++) {
        if (t.indexOf(filter.words[w]) < 0) return false;
      }
    }
    return true;
  }

  function fillSelect(sel, opts, value) {
    opts.forEach(function (o, i) {
      var op = document.createElement('option');
      op.value = value ? value(o, i) : o.id;
      op.textContent = o.label;
      sel.appendChild(op);
    });
  }

  fillSelect(el.topic, data.topics, function (o, i) { return String(i); });
  fillSelect(el.level, data.levels);
  fillSelect(el.kind, data.kinds);

  function readFilters() {
    filter.topic = el.topic.value;
    filter.level = el.level.value;
    filter.kind = el.kind.value;
    filter.words = fold(el.search.value).split(/\s+/).filter(Boolean);
  }

  function onFilter() {
    readFilters();
    shown = PAGE;
    if (current >= 0 && !matches(current)) current = -1;
    if (current < 0 || !revealed) next(false);
    refresh();
  }

  el.topic.addEventListener('change', onFilter);
  el.level.addEventListener('change', onFilter);
  el.kind.addEventListener('change', onFilter);
  var searchTimer = 0;
  el.search.addEventListener('input', function () {
    clearTimeout(searchTimer);
    searchTimer = setTimeout(onFilter, 120);
  });

  // ---- the drill -----------------------------------------------------

  var current = -1;     // index of the card on screen, or -1
  var revealed = false;
  var wakeTimer = 0;

  // pick returns the next card to drill: the most overdue due card, else
  // the first new card in bank order, else -1 with the next due time.
  function pick(now) {
    var best = -1, bestDue = Infinity, firstNew = -1, nextDue = Infinity;
    for (var i = 0; i < cards.length; i++) {
      if (!matches(i)) continue;
      var p = progress[cards[i].id];
      if (!p) {
        if (firstNew < 0) firstNew = i;
        continue;
      }
      var due = Date.parse(p.due);
      if (due <= now) {
        if (due < bestDue) { best = i; bestDue = due; }
      } else if (due < nextDue) {
        nextDue = due;
      }
    }
    return { card: best >= 0 ? best : firstNew, nextDue: nextDue };
  }

  function next(announceIt, prefix) {
    clearTimeout(wakeTimer);
    var now = Date.now();
    var p = pick(now);
    if (p.card < 0) {
      current = -1;
      showDone(p.nextDue, now, prefix);
      return;
    }
    show(p.card, announceIt, prefix);
  }

  function show(i, announceIt, prefix) {
    current = i;
    revealed = false;
    var c = cards[i];
    el.done.hidden = true;
    el.card.hidden = false;
    el.chipTopic.textContent = labels.topic[data.topics[c.topic].id];
    el.chipLevel.textContent = c.level ? labels.level[c.level] : '';
    el.chipLevel.hidden = !c.level;
    el.chipKind.textContent = kindShort[c.kind] || c.kind;
    var st = state(i, Date.now());
    el.chipState.textContent = st === 'new' ? 'New' : st === 'due' ? 'Due' : 'Not due yet';
    el.label.textContent = kindShort[c.kind] + ' card: ';
    el.front.innerHTML = c.front;
    el.back.innerHTML = '';
    el.back.hidden = true;
    el.revealBar.hidden = false;
    el.gradeBar.hidden = true;
    if (announceIt) {
      // The front as shown: a title may hold the answer (a reverse card's).
      say((prefix || '') + kindShort[c.kind] + ': ' + el.front.textContent.replace(/\s+/g, ' ').trim() +
        ' Press Space to show the answer.');
      if (focusInDrill()) el.reveal.focus({ preventScroll: true });
    }
  }

  function showDone(nextDue, now, prefix) {
    el.card.hidden = true;
    el.revealBar.hidden = true;
    el.gradeBar.hidden = true;
    el.done.hidden = false;
    var n = 0;
    for (var i = 0; i < cards.length; i++) if (matches(i)) n++;
    var text;
    if (n === 0) {
      text = 'No cards match the filters.';
    } else if (nextDue === Infinity) {
      text = 'All done.';
    } else {
      text = 'All caught up: nothing is due among these ' + n + ' cards. The next review is due in ' +
        interval(nextDue - now) + '.';
      if (nextDue - now < 864e5) {
        wakeTimer = setTimeout(function () { if (current < 0) { next(true); refresh(); } }, nextDue - now + 500);
      }
    }
    el.doneText.textContent = text;
    say((prefix || '') + text);
  }

  function reveal() {
    if (current < 0 || revealed) return;
    revealed = true;
    var c = cards[current];
    el.back.innerHTML = c.back;
    el.back.hidden = false;
    el.revealBar.hidden = true;
    el.gradeBar.hidden = false;
    var now = new Date();
    var preview = scheduler.repeat(currentCard(now), now);
    var buttons = el.gradeBar.querySelectorAll('button');
    for (var b = 0; b < buttons.length; b++) {
      var g = Number(buttons[b].getAttribute('data-grade'));
      var due = preview[g].card.due;
      var span = interval(due - now);
      buttons[b].querySelector('.g-next').textContent = span;
      buttons[b].setAttribute('aria-label', buttons[b].querySelector('.g-name').textContent +
        ', key ' + g + ', next review in ' + span);
    }
    say('Answer shown. Grade your recall with 1 Again, 2 Hard, 3 Good or 4 Easy.');
    if (focusInDrill()) el.gradeBar.querySelector('.g3').focus({ preventScroll: true });
  }

  function currentCard(now) {
    var p = progress[cards[current].id];
    return p ? toCard(p) : FSRS.createEmptyCard(now);
  }

  var gradeNames = ['', 'Again', 'Hard', 'Good', 'Easy'];

  function grade(g) {
    if (current < 0 || !revealed) return;
    var now = new Date();
    var r = scheduler.next(currentCard(now), now, g);
    progress[cards[current].id] = fromCard(r.card);
    var saved = save();
    var prefix = 'Graded ' + gradeNames[g] + '; next review in ' + interval(r.card.due - now) + '. ';
    if (!saved) prefix += 'Progress could not be saved in this browser: export it to keep it. ';
    next(true, prefix);
    refresh();
  }

  function focusInDrill() {
    var a = document.activeElement;
    return !a || a === document.body || $('drill').contains(a);
  }

  function say(text) {
    el.announce.textContent = text;
  }

  function interval(ms) {
    var m = Math.max(1, Math.round(ms / 6e4));
    if (m < 60) return m + ' min';
    var h = Math.round(m / 60);
    if (h < 24) return h + ' h';
    var d = Math.round(h / 24);
    if (d < 31) return d + (d === 1 ? ' day' : ' days');
    var mo = Math.round(d / 30.4);
    if (mo < 12) return mo + ' mo';
    return (d / 365).toFixed(1) + ' y';
  }

  el.reveal.addEventListener('click', reveal);
  el.gradeBar.addEventListener('click', function (e) {
    var b = e.target.closest('button[data-grade]');
    if (b) grade(Number(b.getAttribute('data-grade')));
  });
  el.card.addEventListener('click', function (e) {
    if (revealed || e.target.closest('a, button, details, summary')) return;
    reveal();
  });

  document.addEventListener('keydown', function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || current < 0) return;
    var t = e.target;
    if (t.closest && t.closest('input, select, textarea, dialog, [contenteditable]')) return;
    if (e.key === ' ' && !revealed) {
      // A focused control keeps its own Space, except the reveal button.
      if (t !== el.reveal && t.closest && t.closest('a, button, summary, label')) return;
      e.preventDefault();
      reveal();
    } else if (revealed && e.key >= '1' && e.key <= '4' && e.key.length === 1) {
      e.preventDefault();
      grade(Number(e.key));
    }
  });

  // ---- the list, the counts and the summary ----------------------------

  var shown = PAGE;

  function refresh() {
    var now = Date.now();
    var per = data.topics.map(function () { return { due: 0, 'new': 0, learned: 0 }; });
    var items = [], total = { due: 0, 'new': 0, learned: 0 };
    for (var i = 0; i < cards.length; i++) {
      if (!matches(i, true)) continue;
      var st = state(i, now);
      per[cards[i].topic][st]++;
      if (filter.topic === '' || String(cards[i].topic) === filter.topic) {
        total[st]++;
        items.push(i);
      }
    }
    el.browseSummary.textContent = 'Browse the ' + items.length + (items.length === 1 ? ' card' : ' cards') + ' that match';
    el.summary.textContent = items.length + (items.length === 1 ? ' card' : ' cards') + ' · ' +
      total.due + ' due · ' + total['new'] + ' new · ' + total.learned + ' learned';
    renderStats(per);
    renderList(items, now);
  }

  function renderStats(per) {
    var rows = document.createDocumentFragment();
    data.topics.forEach(function (t, ti) {
      var c = per[ti];
      var tr = document.createElement('tr');
      if (filter.topic === String(ti)) tr.className = 'chosen';
      var th = document.createElement('th');
      th.scope = 'row';
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = t.label;
      b.setAttribute('aria-label', 'Drill ' + t.label);
      b.addEventListener('click', function () {
        el.topic.value = String(ti);
        onFilter();
        el.card.focus({ preventScroll: false });
      });
      th.appendChild(b);
      tr.appendChild(th);
      [c.due, c['new'], c.learned].forEach(function (n) {
        var td = document.createElement('td');
        td.textContent = n;
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    el.stats.replaceChildren(rows);
  }

  function renderList(items, now) {
    var frag = document.createDocumentFragment();
    items.slice(0, shown).forEach(function (i) {
      var c = cards[i];
      var li = document.createElement('li');
      var b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = c.title || c.id;
      b.addEventListener('click', function () {
        show(i, true, 'Opened. ');
        el.card.scrollIntoView({ block: 'start' });
        el.reveal.focus({ preventScroll: true });
      });
      var meta = document.createElement('span');
      meta.className = 'meta';
      var st = state(i, now);
      meta.textContent = kindShort[c.kind] + ' · ' + labels.topic[data.topics[c.topic].id] +
        (c.level ? ' · ' + labels.level[c.level] : '') + ' · ' + st;
      li.appendChild(b);
      li.appendChild(meta);
      frag.appendChild(li);
    });
    el.list.replaceChildren(frag);
    el.more.hidden = items.length <= shown;
  }

  el.more.addEventListener('click', function () {
    shown += PAGE;
    refresh();
  });

  // ---- export, import, reset, print ------------------------------------

  function status(text) {
    el.toolsStatus.textContent = text;
  }

  el.exportBtn.addEventListener('click', function () {
    var json = JSON.stringify({ schema: SCHEMA, deck: data.deck, cards: progress }, null, 1);
    var a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    a.download = 'progress-' + (data.deck.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'deck') + '.json';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 0);
    status('Exported the progress of ' + Object.keys(progress).length + ' cards.');
  });

  el.importInput.addEventListener('change', function () {
    var f = el.importInput.files[0];
    if (!f) return;
    f.text().then(function (text) {
      var p = JSON.parse(text);
      if (!p || p.schema !== SCHEMA || !p.cards || typeof p.cards !== 'object') {
        throw new Error('not a progress file of this page');
      }
      var added = 0, skipped = 0;
      Object.keys(p.cards).forEach(function (id) {
        var s = p.cards[id];
        if (!validEntry(s)) { skipped++; return; }
        var mine = progress[id];
        var theirs = Date.parse(s.last_review || s.due), ours = mine ? Date.parse(mine.last_review || mine.due) : -Infinity;
        if (!mine || theirs > ours) { progress[id] = s; added++; }
      });
      save();
      status('Imported ' + added + ' cards' + (skipped ? ' (' + skipped + ' entries were not valid and were skipped)' : '') + '.');
      next(true);
      refresh();
    }).catch(function (err) {
      status('Could not import ' + f.name + ': ' + err.message + '.');
    }).then(function () {
      el.importInput.value = '';
    });
  });

  // Focus the safe choice when the dialog opens. An autofocus attribute
  // would be processed at page load too, where the browser blocks it
  // because the drill already has focus.
  el.reset.addEventListener('click', function () {
    el.dialog.showModal();
    el.resetCancel.focus();
  });
  el.resetCancel.addEventListener('click', function () { el.dialog.close(); });
  el.resetConfirm.addEventListener('click', function () {
    el.dialog.close();
    progress = {};
    save();
    status('Progress reset.');
    next(true);
    refresh();
  });

  el.print.addEventListener('click', function () { window.print(); });

  // Printing lists every card that matches the filters, front and back.
  window.addEventListener('beforeprint', function () {
    var frag = document.createDocumentFragment();
    for (var i = 0; i < cards.length; i++) {
      if (!matches(i)) continue;
      var c = cards[i];
      var art = document.createElement('article');
      art.className = 'p-card';
      var h = document.createElement('p');
      h.className = 'p-meta';
      h.textContent = kindShort[c.kind] + ' · ' + labels.topic[data.topics[c.topic].id] +
        (c.level ? ' · ' + labels.level[c.level] : '');
      var front = document.createElement('div');
      front.className = 'face front';
      front.innerHTML = c.front;
      var back = document.createElement('div');
      back.className = 'face back';
      back.innerHTML = c.back;
      art.append(h, front, back);
      frag.appendChild(art);
    }
    el.printList.replaceChildren(frag);
    el.printList.querySelectorAll('details').forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { el.printList.replaceChildren(); });

  // ---- start -------------------------------------------------------------

  readFilters();
  next(false);
  performance.mark('bankgen-first-card');
  refresh();
  if (!storage) status('This browser does not let the page keep progress: export it before you close the page.');
})();
