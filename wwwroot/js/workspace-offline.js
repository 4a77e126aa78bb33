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
    if (item.state === 'conflict') {
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
      li.appendChild(button(msg.msgDiscard, 'btn-outline-danger mt-1', function () { remove(item.seq).then(render); }));
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

  // The maker keeps their value: sent again over what the server has now.
  function keepMine(item) {
    item.fields.version = String(item.version);
    item.fields.seen = item.current;
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
      var waiting = items.filter(function (i) { return i.state === 'waiting'; });
      if (waiting.length === 0) return null;
      say(msg.msgSending);
      return token().then(function (antiforgery) {
        // One after another, so changes arrive in the order they were made.
        return waiting.reduce(function (chain, item) {
          return chain.then(function () { return sendOne(item, antiforgery); }).then(function (answer) {
            var data = answer.data || {};
            if (answer.status === 200) {
              saved++;
              if (item.kind === 'Listing' && data.link) {
                item.link = data.link;
                sessionStorage.setItem('pk-outbox-done', JSON.stringify({ message: data.message, link: data.link, label: item.label }));
              }
              return remove(item.seq).then(function () { say(data.message); });
            }
            item.message = data.message || msg.msgRefused;
            if (answer.status === 409 && item.kind === 'Step') {
              // An order moved elsewhere (cancelled, already sent): nothing to choose but to look at it.
              item.state = 'refused';
              item.link = '/toko-saya/pesanan/' + item.fields.order;
              item.linkText = msg.msgOpenOrder;
            } else if (answer.status === 409) {
              item.state = 'conflict';
              item.current = data.current;
              item.currentShown = item.kind === 'Price' ? rupiah(data.current) : data.current;
              item.version = data.version;
            } else {
              item.state = 'refused';
            }
            return put(item);
          });
        }, Promise.resolve());
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
  function chain(item, waiting) {
    var earlier = waiting.filter(function (w) {
      return w.state === 'waiting' && (item.kind === 'Step' ? w.kind === 'Step' && w.fields.order === item.fields.order
        : (w.kind === 'Stock' || w.kind === 'Price') && w.fields.listing === item.fields.listing);
    }).pop();
    if (!earlier) return;
    if (item.kind === 'Step') { item.fields.seen = earlier.fields.to; return; }
    item.fields.version = String(Number(earlier.fields.version) + 1);
    if (earlier.kind === item.kind) item.fields.seen = earlier.fields[item.kind === 'Stock' ? 'stock' : 'price'];
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
        // Each photo its own change, sent after the listing and named by its key: one lost photo is sent again alone.
        var photos = input ? Array.prototype.map.call(input.files, function (f, i) {
          return { kind: 'Photo', label: format(msg.msgPhotoOf, i + 1, title), shown: f.name, fields: { listingKey: listing.key }, files: [{ name: f.name, type: f.type, blob: f }] };
        }) : [];
        return [listing].concat(photos);
      }
    }
    return null;
  }

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
    if (form.dataset.outbox === 'Listing') {
      // The form leaves checks to the server; a draft kept offline must at least have what the server will ask first.
      var missing = Array.prototype.filter.call(form.querySelectorAll('[required]'), function (f) { return !f.checkValidity(); });
      if (missing.length > 0 && navigator.onLine === false) { missing[0].reportValidity(); return; }
    }
    var hasFiles = form.dataset.outbox === 'Listing' && form.querySelector('input[type=file][name=photos]') && form.querySelector('input[type=file][name=photos]').files.length > 0;
    reachable().then(function (up) {
      // With signal and nothing the form cannot carry, the page posts as always (its messages and redirects).
      if (up && !hasFiles) { form.dataset.outboxSending = '1'; form.submit(); return; }
      var items = itemFrom(form);
      if (!items) return;
      queue(items).then(function () {
        form.reset();
        if (!up) return;
        // With signal the photos went this way only because a form cannot carry them: go to the new listing.
        flush().then(function () {
          var done = sessionStorage.getItem('pk-outbox-done');
          if (done && items[0].kind === 'Listing') location.href = JSON.parse(done).link;
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
    var urls = [location.pathname];
    document.querySelectorAll('link[rel=stylesheet][href], script[src], link[rel=apple-touch-icon]').forEach(function (el) { urls.push(el.href || el.src); });
    document.querySelectorAll('a[href^="/toko-saya/produk/"], a[href^="/toko-saya/pesanan"]').forEach(function (a) { urls.push(a.getAttribute('href')); });
    worker.postMessage({ type: 'keep', urls: urls });
    return true;
  }

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
  render().then(flush).catch(function () { });
}());
