// The workspace without signal: registers the service worker, keeps changes made offline in an IndexedDB
// outbox on the phone and sends them in order when the signal returns (on opening a page and on the
// browser's online event; Background Sync is missing in Safari, Firefox and Android WebView). A change
// the server finds made over something changed elsewhere is shown with both values for the maker to choose.
(function () {
  'use strict';
  var panel = document.querySelector('[data-outbox]');
  if (!panel || !window.indexedDB) return;
  var KEY = panel.dataset.key;
  var DB_PREFIX = 'pk-outbox-';
  var DB_NAME = DB_PREFIX + KEY;
  var ENDPOINT = '/toko-saya/kirim-tertunda';
  var msg = panel.dataset;
  var list = panel.querySelector('[data-outbox-list]');
  var count = panel.querySelector('[data-outbox-count]');
  var status = panel.querySelector('[data-outbox-status]');
  var sending = false;
  var dbPromise = null;

  function format(text) {
    var args = Array.prototype.slice.call(arguments, 1);
    return (text || '').replace(/\{(\d)\}/g, function (_, i) { return args[+i] == null ? '' : args[+i]; });
  }

  function uuid() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = crypto.getRandomValues(new Uint8Array(16));
    b[6] = (b[6] & 15) | 64; b[8] = (b[8] & 63) | 128;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
    return h.slice(0, 8) + '-' + h.slice(8, 12) + '-' + h.slice(12, 16) + '-' + h.slice(16, 20) + '-' + h.slice(20);
  }

  // ---- the outbox in IndexedDB: one record a change, in the order made ----
  function open() {
    if (dbPromise) return dbPromise;
    dbPromise = new Promise(function (resolve, reject) {
      var request = indexedDB.open(DB_NAME, 1);
      request.onupgradeneeded = function () { request.result.createObjectStore('items', { keyPath: 'seq', autoIncrement: true }); };
      request.onsuccess = function () {
        var db = request.result;
        db.onversionchange = function () { db.close(); dbPromise = null; };
        resolve(db);
      };
      request.onerror = function () { reject(request.error); };
    });
    return dbPromise;
  }

  function store(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction('items', mode);
        var result = work(tx.objectStore('items'));
        tx.oncomplete = function () { resolve(result && 'result' in result ? result.result : undefined); };
        tx.onerror = function () { reject(tx.error); };
        tx.onabort = function () { reject(tx.error); };
      });
    });
  }

  function all() { return store('readonly', function (s) { return s.getAll(); }); }
  function put(item) { return store('readwrite', function (s) { return s.put(item); }); }
  function remove(seq) { return store('readwrite', function (s) { return s.delete(seq); }); }

  // ---- what the maker sees: the waiting changes, conflicts with both values, refusals ----
  function render() {
    return all().then(function (items) {
      list.textContent = '';
      panel.hidden = items.length === 0;
      count.textContent = format(msg.msgCount, items.length);
      items.forEach(function (item) { list.appendChild(line(item)); });
      return items;
    });
  }

  function button(text, cls, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = 'btn btn-sm ' + cls;
    b.textContent = text;
    b.addEventListener('click', onClick);
    return b;
  }

  function line(item) {
    var li = document.createElement('li');
    li.className = 'outbox-item outbox-' + item.state;
    li.dataset.outboxItem = item.kind;
    var what = document.createElement('strong');
    what.className = 'd-block text-break';
    what.textContent = item.label;
    li.appendChild(what);
    var value = document.createElement('span');
    value.className = 'd-block';
    value.textContent = item.shown;
    li.appendChild(value);
    if (item.message) {
      var said = document.createElement('span');
      said.className = 'd-block outbox-message';
      said.textContent = item.message;
      li.appendChild(said);
    }
    if (item.state === 'conflict' && item.kind === 'Edit') {
      (item.conflicts || []).forEach(function (c) {
        var field = document.createElement('span');
        field.className = 'd-block mt-1';
        var name = document.createElement('strong');
        name.textContent = c.label;
        field.appendChild(name);
        [format(msg.msgMine, c.mine), format(msg.msgTheirs, c.theirs)].forEach(function (text) {
          var side = document.createElement('span');
          side.className = 'd-block keep-lines text-break';
          side.textContent = text;
          field.appendChild(side);
        });
        li.appendChild(field);
      });
      var editChoices = document.createElement('div');
      editChoices.className = 'd-flex flex-wrap gap-2 mt-1';
      editChoices.appendChild(button(msg.msgKeepMine, 'btn-primary', function () { keepMine(item); }));
      editChoices.appendChild(button(msg.msgKeepTheirs, 'btn-outline-secondary', function () { drop(item, true); }));
      editChoices.appendChild(reopenLink(item));
      li.appendChild(editChoices);
    } else if (item.state === 'conflict') {
      var mine = document.createElement('span');
      mine.className = 'd-block';
      mine.textContent = format(msg.msgMine, item.shown);
      var theirs = document.createElement('span');
      theirs.className = 'd-block';
      theirs.textContent = format(msg.msgTheirs, item.currentShown || item.current);
      li.appendChild(mine);
      li.appendChild(theirs);
      var choices = document.createElement('div');
      choices.className = 'd-flex flex-wrap gap-2 mt-1';
      choices.appendChild(button(msg.msgKeepMine, 'btn-primary', function () { keepMine(item); }));
      choices.appendChild(button(msg.msgKeepTheirs, 'btn-outline-secondary', function () { remove(item.seq).then(render); }));
      li.appendChild(choices);
    } else if (item.state === 'refused') {
      var refusedChoices = document.createElement('div');
      refusedChoices.className = 'd-flex flex-wrap gap-2 mt-1';
      if (item.kind === 'Listing' || item.kind === 'Edit') refusedChoices.appendChild(reopenLink(item));
      refusedChoices.appendChild(button(msg.msgDiscard, 'btn-outline-danger', function () { drop(item, false); }));
      li.appendChild(refusedChoices);
    }
    if (item.link) {
      var a = document.createElement('a');
      a.href = item.link;
      a.className = 'd-block';
      a.textContent = item.linkText || msg.msgOpen;
      li.appendChild(a);
    }
    return li;
  }

  function say(text) { status.textContent = text || ''; }

  // A refused draft or edit opens again in its own form, filled with what the maker typed, to correct and send again.
  function reopenPath(item) {
    return (item.kind === 'Listing' ? '/toko-saya/produk/baru' : '/toko-saya/produk/' + item.fields.listing + '/ubah') + '#kirim-' + item.seq;
  }

  function reopenLink(item) {
    var a = document.createElement('a');
    a.href = reopenPath(item);
    a.className = 'btn btn-sm btn-outline-primary';
    a.textContent = msg.msgEditAgain;
    return a;
  }

  // Dropping a draft drops the photos that could only go with it; the shop's words kept over an edit still let its photos go.
  function drop(item, photosStay) {
    return all().then(function (items) {
      var work = [remove(item.seq)];
      items.filter(function (i) { return i.with === item.key; }).forEach(function (photo) {
        if (photosStay && item.kind === 'Edit') { delete photo.with; work.push(put(photo)); } else work.push(remove(photo.seq));
      });
      return Promise.all(work);
    }).then(render).then(flush);
  }

  // The maker keeps their value: sent again over what the server has now.
  function keepMine(item) {
    item.fields.version = String(item.version);
    if (item.kind === 'Edit') {
      // The maker's changes over the shop's form now, made over that form: only their own fields are written.
      Object.keys(item.merged || {}).forEach(function (name) { item.fields[name] = item.merged[name]; });
      Object.keys(item.current || {}).forEach(function (name) { item.fields['Seen.' + name.slice(5)] = item.current[name]; });
    } else item.fields.seen = item.current;
    item.state = 'waiting';
    item.message = '';
    put(item).then(render).then(flush);
  }

  // ---- sending, in order, each change once ----
  function token() {
    return fetch(ENDPOINT + '?handler=Token', { credentials: 'same-origin', headers: { Accept: 'application/json' }, cache: 'no-store' })
      .then(function (r) {
        if (r.status === 401) throw { signIn: true };
        if (!r.ok) throw { later: true };
        return r.json();
      }).then(function (data) { return data.token; });
  }

  function body(item, antiforgery) {
    var form = new FormData();
    form.append('__RequestVerificationToken', antiforgery);
    form.append('key', item.key);
    Object.keys(item.fields).forEach(function (name) { form.append(name, item.fields[name]); });
    (item.files || []).forEach(function (f) { form.append('photo', f.blob, f.name); });
    return form;
  }

  function sendOne(item, antiforgery) {
    return fetch(ENDPOINT + '?handler=' + item.kind, {
      method: 'POST', credentials: 'same-origin', body: body(item, antiforgery), headers: { Accept: 'application/json' },
    }).then(function (r) {
      if (r.status === 401) throw { signIn: true };
      var json = (r.headers.get('Content-Type') || '').indexOf('json') >= 0;
      if (!json) throw { later: true }; // an outage page, a limit, an expired token: try again later
      return r.json().then(function (data) { return { status: r.status, data: data }; });
    });
  }

  function flush() {
    if (sending || navigator.onLine === false) return Promise.resolve();
    sending = true;
    var saved = 0;
    return all().then(function (items) {
      // Photos wait behind their draft or edit until it is saved; what is refused or in conflict holds them.
      var held = {};
      items.forEach(function (i) { if (i.state !== 'waiting') held[i.key] = true; });
      var waiting = items.filter(function (i) { return i.state === 'waiting'; });
      if (waiting.length === 0) return null;
      say(msg.msgSending);
      return token().then(function (antiforgery) {
        // One after another, so changes arrive in the order they were made.
        return waiting.reduce(function (chain, item) {
          return chain.then(function () {
            if (item.with && held[item.with]) { held[item.key] = true; return null; }
            return sendOne(item, antiforgery).then(function (answer) { return settle(item, answer); });
          });
        }, Promise.resolve());

        function settle(item, answer) {
            var data = answer.data || {};
            if (answer.status === 200) {
              saved++;
              // What was made over this change now names the edit version the shop gave it.
              if (data.version != null) waiting.forEach(function (w) { if (w.after === item.key) w.fields.version = String(data.version); });
              if (item.kind === 'Listing' && data.link) {
                item.link = data.link;
                sessionStorage.setItem('pk-outbox-done', JSON.stringify({ message: data.message, link: data.link, label: item.label }));
              }
              return remove(item.seq).then(function () { say(data.message); });
            }
            held[item.key] = true;
            item.message = data.message || msg.msgRefused;
            item.errors = data.errors || null;
            if (answer.status === 409 && item.kind === 'Step') {
              // An order moved elsewhere (cancelled, already sent): nothing to choose but to look at it.
              item.state = 'refused';
              item.link = '/toko-saya/pesanan/' + item.fields.order;
              item.linkText = msg.msgOpenOrder;
            } else if (answer.status === 409 && item.kind === 'Edit') {
              item.state = 'conflict';
              item.conflicts = data.conflicts || [];
              item.current = data.current;
              item.merged = data.merged;
              item.version = data.version;
            } else if (answer.status === 409) {
              item.state = 'conflict';
              item.current = data.current;
              item.currentShown = item.kind === 'Price' ? rupiah(data.current) : data.current;
              item.version = data.version;
            } else {
              item.state = 'refused';
            }
            return put(item);
        }
      });
    }).then(function () {
      if (saved > 0) say(msg.msgAllSent);
    }).catch(function (problem) {
      if (problem && problem.signIn) say(msg.msgSignIn);
      else say(msg.msgNetwork);
    }).then(function () {
      sending = false;
      return render();
    }).then(showDone);
  }

  // A listing drafted offline and sent: say so and link to it, on whichever workspace page is open.
  function showDone() {
    var done = sessionStorage.getItem('pk-outbox-done');
    if (!done) return;
    done = JSON.parse(done);
    if (location.pathname === done.link) sessionStorage.removeItem('pk-outbox-done');
    panel.hidden = false;
    var li = document.createElement('li');
    li.className = 'outbox-item outbox-sent';
    li.dataset.outboxItem = 'Sent';
    var what = document.createElement('strong');
    what.className = 'd-block text-break';
    what.textContent = done.label;
    var said = document.createElement('span');
    said.className = 'd-block';
    said.textContent = done.message;
    var a = document.createElement('a');
    a.href = done.link;
    a.textContent = msg.msgOpen;
    a.addEventListener('click', function () { sessionStorage.removeItem('pk-outbox-done'); });
    li.appendChild(what); li.appendChild(said); li.appendChild(a);
    list.appendChild(li);
  }

  // ---- keeping a change made without signal ----
  // A second change to the same listing or order is made over the first one still waiting, not over the page.
  var VALUE = { Stock: 'stock', Price: 'price' };
  var FORM_VALUE = { Stock: 'Form.Stock', Price: 'Form.Price' };

  function chain(item, waiting) {
    var earlier = waiting.filter(function (w) {
      return w.state === 'waiting' && (item.kind === 'Step' ? w.kind === 'Step' && w.fields.order === item.fields.order
        : (w.kind === 'Stock' || w.kind === 'Price' || w.kind === 'Edit') && w.fields.listing === item.fields.listing);
    }).pop();
    if (!earlier) return;
    if (item.kind === 'Step') { item.fields.seen = earlier.fields.to; return; }
    // A guess until the earlier one is saved; its answer then gives the real version (see settle).
    item.after = earlier.key;
    item.fields.version = String(Number(earlier.fields.version) + 1);
    if (item.kind === 'Edit') {
      if (earlier.kind === 'Edit') Object.keys(earlier.fields).forEach(function (n) { if (n.indexOf('Form.') === 0) item.fields['Seen.' + n.slice(5)] = earlier.fields[n]; });
      else item.fields['Seen.' + FORM_VALUE[earlier.kind].slice(5)] = earlier.fields[VALUE[earlier.kind]];
    } else if (earlier.kind === 'Edit') item.fields.seen = earlier.fields[FORM_VALUE[item.kind]];
    else if (earlier.kind === item.kind) item.fields.seen = earlier.fields[VALUE[item.kind]];
  }

  function rupiah(value) {
    var plain = String(value).replace(/^Rp\s*/i, '');
    return /^\d+$/.test(plain) ? 'Rp' + Number(plain).toLocaleString('id-ID') : 'Rp' + plain;
  }

  function queue(items) {
    return all().then(function (waiting) {
      items.forEach(function (item) { if (item.kind !== 'Listing' && item.kind !== 'Photo') chain(item, waiting); });
    }).then(function () { return items.reduce(function (chain, item) {
      item.key = item.key || uuid();
      item.state = 'waiting';
      item.made = new Date().toISOString();
      return chain.then(function () { return put(item); });
    }, Promise.resolve()); }).then(function () { say(msg.msgQueued); return render(); });
  }

  // Each photo its own change, sent after its draft or edit and held while that is not saved: one lost photo is sent again alone.
  function photosOf(input, owner, title, fields) {
    return input ? Array.prototype.map.call(input.files, function (f, i) {
      return { kind: 'Photo', key: uuid(), with: owner.key, label: format(msg.msgPhotoOf, i + 1, title), shown: f.name, fields: Object.assign({}, fields), files: [{ name: f.name, type: f.type, blob: f }] };
    }) : [];
  }

  var FORM_FIELDS = ['Form.Title', 'Form.Description', 'Form.CategoryId', 'Form.ProgrammeId', 'Form.Price', 'Form.MadeToOrder',
    'Form.Stock', 'Form.LeadTimeDays', 'Form.WeightGrams', 'Form.Pickup', 'Form.LocalDelivery', 'Form.Shipping'];

  // The form as typed, or (defaults) as the page was served: what the maker saw, which an edit is judged against.
  function editFields(form, defaults) {
    var fields = {};
    FORM_FIELDS.forEach(function (name) {
      var el = Array.prototype.filter.call(form.querySelectorAll('[name="' + name + '"]'), function (e) { return !e.disabled; })[0];
      if (!el) return;
      if (el.type === 'checkbox') fields[name] = (defaults ? el.defaultChecked : el.checked) ? 'true' : 'false';
      else if (el.tagName === 'SELECT') {
        var chosen = defaults ? (Array.prototype.filter.call(el.options, function (o) { return o.defaultSelected; })[0] || el.options[0]) : el.options[el.selectedIndex];
        fields[name] = chosen ? chosen.value : '';
      } else fields[name] = defaults ? el.defaultValue : el.value;
    });
    return fields;
  }

  function labelOf(form, name) {
    var el = form.querySelector('[name="' + name + '"]:not([type=hidden])') || form.querySelector('[name="' + name + '"]');
    var label = el && el.id ? form.querySelector('label[for="' + el.id + '"]') : null;
    return label ? label.textContent.trim() : '';
  }

  function fieldsOf(form, names) {
    var data = new FormData(form), fields = {};
    names.forEach(function (n) { if (data.has(n)) fields[n] = String(data.get(n)); });
    return fields;
  }

  function itemFrom(form) {
    var d = form.dataset;
    switch (d.outbox) {
      case 'Stock': {
        var stock = form.querySelector('[name=stock]').value;
        return [{ kind: 'Stock', label: d.outboxLabel, shown: stock, fields: { listing: d.listing, version: d.version, seen: d.seen, stock: stock } }];
      }
      case 'Price': {
        var price = form.querySelector('[name=price]').value;
        return [{ kind: 'Price', label: d.outboxLabel, shown: rupiah(price), fields: { listing: d.listing, version: d.version, seen: d.seen, price: price } }];
      }
      case 'Step': {
        var note = form.querySelector('[name=trackingNote]');
        var fields = { order: d.order, seen: d.seen, to: d.to };
        if (note) fields.trackingNote = note.value;
        return [{ kind: 'Step', label: d.outboxLabel, shown: d.outboxShown + (note ? ' · ' + note.value : ''), fields: fields }];
      }
      case 'Listing': {
        var listingFields = fieldsOf(form, ['Form.Title', 'Form.Description', 'Form.CategoryId', 'Form.ProgrammeId', 'Form.Price', 'Form.MadeToOrder',
          'Form.Stock', 'Form.LeadTimeDays', 'Form.WeightGrams', 'Form.Pickup', 'Form.LocalDelivery', 'Form.Shipping']);
        var input = form.querySelector('input[type=file][name=photos]');
        var title = listingFields['Form.Title'] || '';
        var listing = { kind: 'Listing', key: uuid(), label: title, shown: listingFields['Form.Price'] ? rupiah(listingFields['Form.Price']) : '', fields: listingFields };
        return [listing].concat(photosOf(input, listing, title, { listingKey: listing.key }));
      }
      case 'Edit': {
        var edit = { kind: 'Edit', key: uuid(), label: d.outboxLabel, fields: { listing: d.listing, version: d.version } };
        var now = editFields(form, false), before = editFields(form, true), changed = [];
        Object.keys(now).forEach(function (name) {
          edit.fields[name] = now[name];
          edit.fields['Seen.' + name.slice(5)] = before[name];
          if (now[name] !== before[name]) changed.push(labelOf(form, name));
        });
        edit.shown = changed.filter(function (l, i) { return l && changed.indexOf(l) === i; }).join(', ');
        var editPhotos = form.querySelector('input[type=file][name=photos]');
        return [edit].concat(photosOf(editPhotos, edit, d.outboxLabel, { listing: d.listing }));
      }
    }
    return null;
  }

  // A corrected draft or edit takes the place of the refused one, under the same key, so it is still sent once and in its turn.
  function resend(seq, items) {
    return all().then(function (kept) {
      var old = kept.filter(function (i) { return i.seq === seq; })[0];
      if (!old) return queue(items);
      var fresh = items[0];
      if (old.kind === 'Edit') {
        // Still made over what the maker saw first, not over the form refilled from the phone.
        Object.keys(fresh.fields).forEach(function (n) { if (n.indexOf('Form.') === 0) old.fields[n] = fresh.fields[n]; });
      } else old.fields = fresh.fields;
      old.label = fresh.label;
      old.shown = fresh.shown || old.shown;
      old.state = 'waiting';
      old.message = '';
      old.errors = null;
      items.slice(1).forEach(function (photo) {
        photo.with = old.key;
        if (photo.fields.listingKey) photo.fields.listingKey = old.key;
      });
      return put(old).then(function () { return items.length > 1 ? queue(items.slice(1)) : render(); }).then(function () {
        delete formOpen.dataset.outboxReopen;
        history.replaceState(null, '', location.pathname);
        say(msg.msgQueued);
      });
    });
  }

  // ---- a refused draft or edit, reopened on the phone from the outbox ----
  var formOpen = null;

  function reopen() {
    var match = /^#kirim-(\d+)$/.exec(location.hash);
    var form = document.querySelector('form[data-outbox="Listing"], form[data-outbox="Edit"]');
    if (!match || !form) return Promise.resolve();
    return all().then(function (items) {
      var item = items.filter(function (i) { return i.seq === Number(match[1]); })[0];
      if (!item || item.kind !== form.dataset.outbox || (item.kind === 'Edit' && item.fields.listing !== form.dataset.listing)) return;
      formOpen = form;
      form.dataset.outboxReopen = String(item.seq);
      FORM_FIELDS.forEach(function (name) {
        var el = Array.prototype.filter.call(form.querySelectorAll('[name="' + name + '"]'), function (e) { return !e.disabled; })[0];
        if (!el || (!(name in item.fields) && el.type !== 'checkbox')) return;
        if (el.type === 'checkbox') el.checked = item.fields[name] === 'true';
        else el.value = item.fields[name];
      });
      var note = form.querySelector('[data-outbox-reopened]');
      note.textContent = msg.msgReopened + (item.message ? ' ' + item.message : '');
      note.hidden = false;
      var first = showErrors(form, item.errors || {});
      var photos = items.filter(function (i) { return i.with === item.key && i.state === 'waiting'; });
      var keptNote = form.querySelector('[data-outbox-photos-kept]');
      if (keptNote && photos.length > 0) {
        keptNote.textContent = format(msg.msgPhotosKept, photos.map(function (p) { return p.shown; }).join(', '));
        keptNote.hidden = false;
      }
      (first || note).focus();
    });
  }

  // Each message next to its field, as the server writes them, read out with the field; the first field gets the focus.
  function showErrors(form, errors) {
    var first = null;
    Object.keys(errors).forEach(function (name) {
      var id = 'outbox-error-' + name.replace(/\W/g, '-');
      var group = form.querySelector('[data-error-for="' + name + '"]');
      var el = group || Array.prototype.filter.call(form.querySelectorAll('[name="' + name + '"]'), function (e) { return e.type !== 'hidden' && !e.disabled; })[0];
      if (!el || document.getElementById(id)) return;
      var box = document.createElement('div');
      box.className = 'invalid-feedback d-block';
      box.id = id;
      box.textContent = errors[name];
      if (group) { group.appendChild(box); group.tabIndex = -1; }
      else {
        el.classList.add('is-invalid');
        el.setAttribute('aria-invalid', 'true');
        (el.closest('.input-group') || el).insertAdjacentElement('afterend', box);
      }
      el.setAttribute('aria-describedby', ((el.getAttribute('aria-describedby') || '') + ' ' + id).trim());
      if (!first) first = el;
    });
    return first;
  }

  window.addEventListener('hashchange', function () { reopen().catch(function () { }); });

  // navigator.onLine is true on a phone with one bar and no data: a tiny request says whether a post would arrive.
  function reachable() {
    if (navigator.onLine === false) return Promise.resolve(false);
    var controller = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (controller) controller.abort(); }, 5000);
    return fetch(ENDPOINT + '?handler=Token', { credentials: 'same-origin', cache: 'no-store', signal: controller && controller.signal, headers: { Accept: 'application/json' } })
      .then(function () { return true; }, function () { return false; })
      .then(function (up) { clearTimeout(timer); return up; });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[data-outbox]') || form.dataset.outboxSending) return;
    event.preventDefault();
    if (form.dataset.outbox === 'Listing' || form.dataset.outbox === 'Edit') {
      // The form leaves checks to the server; a draft kept offline must at least have what the server will ask first.
      var missing = Array.prototype.filter.call(form.querySelectorAll('[required]'), function (f) { return !f.checkValidity(); });
      if (missing.length > 0 && navigator.onLine === false) { missing[0].reportValidity(); return; }
    }
    var files = form.querySelector('input[type=file][name=photos]');
    var hasFiles = !!files && files.files.length > 0;
    var reopened = form.dataset.outboxReopen;
    reachable().then(function (up) {
      // With signal and nothing the form cannot carry, the page posts as always (its messages and redirects).
      if (up && !hasFiles && !reopened) { form.dataset.outboxSending = '1'; form.submit(); return; }
      var items = itemFrom(form);
      if (!items) return;
      var kept = reopened ? resend(Number(reopened), items) : queue(items);
      kept.then(function () {
        if (!reopened) form.reset();
        if (!up) return;
        // With signal the photos went this way only because a form cannot carry them: go to the listing once it is saved.
        flush().then(function () { return all(); }).then(function (left) {
          var done = sessionStorage.getItem('pk-outbox-done');
          var owner = left.filter(function (i) { return i.key === items[0].key || i.seq === Number(reopened); })[0];
          if (owner) return;
          if (items[0].kind === 'Edit') location.href = '/toko-saya/produk/' + items[0].fields.listing;
          else if (done) location.href = JSON.parse(done).link;
        });
      });
    });
  });

  // ---- signing out takes what the phone kept of this person ----
  function forgetEverything() {
    if (navigator.serviceWorker && navigator.serviceWorker.controller) navigator.serviceWorker.controller.postMessage({ type: 'forget', key: KEY });
    var work = [];
    if (window.caches) work.push(caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf('pk-workspace-') === 0; }).map(function (n) { return caches.delete(n); }));
    }));
    work.push(open().then(function (db) { db.close(); dbPromise = null; }).catch(function () { }).then(function () {
      var names = indexedDB.databases ? indexedDB.databases().then(function (dbs) { return dbs.map(function (d) { return d.name; }); }) : Promise.resolve([DB_NAME]);
      return names.then(function (found) {
        return Promise.all(found.filter(function (n) { return n && n.indexOf(DB_PREFIX) === 0; }).map(function (n) {
          return new Promise(function (resolve) {
            var r = indexedDB.deleteDatabase(n);
            r.onsuccess = r.onerror = r.onblocked = function () { resolve(); };
          });
        }));
      });
    }));
    if (navigator.serviceWorker) work.push(navigator.serviceWorker.getRegistrations().then(function (regs) {
      return Promise.all(regs.map(function (r) { return r.unregister(); }));
    }));
    return Promise.all(work).catch(function () { });
  }

  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.matches || !form.matches('form[action="/keluar"]') || form.dataset.forgotten) return;
    event.preventDefault();
    all().then(function (items) {
      if (items.length > 0 && !window.confirm(format(msg.msgUnsentSignOut, items.length))) return;
      forgetEverything().then(function () { form.dataset.forgotten = '1'; form.submit(); });
    }, function () { forgetEverything().then(function () { form.dataset.forgotten = '1'; form.submit(); }); });
  }, true);

  // ---- the service worker, and what this page asks it to keep ----
  function keepThisPage(registration) {
    var worker = registration.active;
    if (!worker || worker.scriptURL.indexOf('k=' + KEY) < 0) return false;
    // Pages are kept as they are visited: this one is fetched again only when it loaded before the worker took over,
    // and nothing it links to is fetched ahead (a phone's data is paid by the megabyte).
    var urls = loadedUncontrolled ? [location.pathname] : [];
    document.querySelectorAll('link[rel=stylesheet][href], script[src], link[rel=apple-touch-icon]').forEach(function (el) { urls.push(el.href || el.src); });
    worker.postMessage({ type: 'keep', urls: urls });
    return true;
  }

  var loadedUncontrolled = !!navigator.serviceWorker && !navigator.serviceWorker.controller;
  if (navigator.serviceWorker && window.isSecureContext) {
    navigator.serviceWorker.register('/toko-saya/sw.js?k=' + encodeURIComponent(KEY), { scope: '/toko-saya' }).then(function (registration) {
      if (keepThisPage(registration)) return;
      // A new worker (first visit, another person's before): ask once it has taken over.
      var tries = 0;
      var wait = setInterval(function () {
        if (keepThisPage(registration) || ++tries > 100) clearInterval(wait);
      }, 300);
    }).catch(function () { });
  }

  document.querySelectorAll('[data-offline-photos]').forEach(function (el) { el.hidden = false; });

  window.addEventListener('online', flush);
  render().then(reopen).then(flush).catch(function () { });
}());
