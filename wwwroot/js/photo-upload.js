// Photo upload for the makers' workspace: one line per photo with its progress and its answer, a retry
// for the one that failed, and the gallery's buttons without a page reload. Without it the forms still work.
(function () {
  'use strict';
  var form = document.querySelector('[data-photo-upload]');
  var gallery = document.querySelector('[data-gallery]');

  function text(name) { return form.getAttribute('data-msg-' + name) || ''; }

  // Swaps the gallery (and the upload form's room) for the page's current one, keeping the lines shown.
  function refreshGallery(html) {
    var load = html ? Promise.resolve(html) : fetch(window.location.pathname, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.text(); });
    return load.then(function (page) {
      var doc = new DOMParser().parseFromString(page, 'text/html');
      var fresh = doc.querySelector('[data-gallery]');
      if (fresh && gallery) { gallery.replaceWith(fresh); gallery = fresh; bindGallery(); }
      var outcome = doc.querySelector('main .alert-danger[role=alert], main .alert-success[role=status]');
      var here = document.querySelector('[data-gallery-outcome]');
      if (here) here.remove();
      if (outcome && gallery) {
        outcome.setAttribute('data-gallery-outcome', '');
        gallery.querySelector('h2').after(outcome);
      }
      var freshForm = doc.querySelector('[data-photo-upload]');
      if (form) form.setAttribute('data-room', freshForm ? freshForm.getAttribute('data-room') : '0');
    });
  }

  // Moving, choosing the cover and removing: the same posts, answered in place so the maker keeps their place.
  function bindGallery() {
    if (!gallery || !window.fetch || !window.DOMParser) return;
    gallery.querySelectorAll('form[data-gallery-step]').forEach(function (f) {
      f.addEventListener('submit', function (e) {
        e.preventDefault();
        var buttons = gallery.querySelectorAll('button');
        buttons.forEach(function (b) { b.disabled = true; });
        fetch(f.action, { method: 'POST', body: new FormData(f), credentials: 'same-origin' })
          .then(function (r) { return r.text(); })
          .then(refreshGallery)
          .then(function () { var h = gallery.querySelector('h2'); if (h) h.focus(); })
          .catch(function () { f.submit(); });
      });
    });
  }

  function line(file) {
    var li = document.createElement('li');
    li.className = 'upload-item';
    var name = document.createElement('span');
    name.className = 'upload-name text-break';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100; bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var state = document.createElement('span');
    state.className = 'upload-state small';
    li.appendChild(name); li.appendChild(bar); li.appendChild(state);
    return { li: li, bar: bar, state: state, file: file };
  }

  function finish(item, ok, message, canRetry) {
    item.bar.value = 100;
    item.li.classList.toggle('upload-refused', !ok);
    item.li.classList.toggle('upload-done', ok);
    item.state.textContent = message;
    item.state.setAttribute('role', ok ? 'status' : 'alert');
    var old = item.li.querySelector('button');
    if (old) old.remove();
    if (!ok && canRetry) {
      var retry = document.createElement('button');
      retry.type = 'button';
      retry.className = 'btn btn-outline-primary btn-sm mt-1';
      retry.textContent = text('retry');
      retry.setAttribute('aria-label', text('retry') + ': ' + item.file.name);
      retry.addEventListener('click', function () { retry.remove(); queue.push(item); pump(); });
      item.li.appendChild(retry);
    }
  }

  function follow(item, stateUrl) {
    fetch(stateUrl, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (s) {
      item.bar.value = 50 + Math.round(s.progress / 2);
      item.state.textContent = s.message;
      if (!s.finished) { setTimeout(function () { follow(item, stateUrl); }, 1000); return; }
      finish(item, s.state === 'Done', s.message, s.state !== 'Done');
      open--;
      if (s.state === 'Done') added = true;
      settle();
    }).catch(function () { setTimeout(function () { follow(item, stateUrl); }, 3000); });
  }

  var queue = [], busy = false, open = 0, added = false;

  function send(item) {
    var f = item.file;
    var type = (f.type || '').toLowerCase();
    if (f.size === 0) { finish(item, false, text('empty'), false); return next(); }
    if (f.size > Number(form.getAttribute('data-max-bytes'))) { finish(item, false, text('too-large'), false); return next(); }
    if (type && !/^image\/(jpeg|png|webp|heic|heif)$/.test(type)) { finish(item, false, text('not-a-photo'), false); return next(); }
    item.li.classList.remove('upload-refused');
    item.state.removeAttribute('role');
    item.state.textContent = text('sending');
    item.bar.value = 0;
    var body = new FormData();
    body.append('__RequestVerificationToken', form.querySelector('input[name=__RequestVerificationToken]').value);
    body.append('photo', f, f.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = function (p) { if (p.lengthComputable) item.bar.value = Math.round(p.loaded * 50 / p.total); };
    xhr.onload = function () {
      var answer = null;
      try { answer = JSON.parse(xhr.responseText); } catch (ignored) { answer = null; }
      if (xhr.status === 200 && answer && answer.state) { open++; follow(item, answer.state); }
      else if (answer && answer.message) finish(item, false, answer.message, answer.problem === 'Truncated' || answer.problem === 'Unreadable');
      else finish(item, false, text('network'), true);
      next();
    };
    xhr.onerror = function () { finish(item, false, text('network'), true); next(); };
    xhr.send(body);
  }

  function next() { busy = false; pump(); settle(); }

  // One photo at a time: on a weak signal parallel uploads only all arrive late.
  function pump() {
    if (busy || queue.length === 0) return;
    busy = true;
    send(queue.shift());
  }

  // Once every photo has its answer, the gallery shows the ones added.
  function settle() {
    if (open === 0 && queue.length === 0 && !busy && added) { added = false; refreshGallery(); }
  }

  if (form && window.XMLHttpRequest && window.FormData && window.fetch) {
    var input = form.querySelector('input[type=file]');
    var list = form.querySelector('[data-upload-list]');
    input.multiple = true;
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var files = Array.prototype.slice.call(input.files || []);
      list.hidden = false;
      if (files.length === 0) {
        var empty = line({ name: '', size: 0 });
        list.appendChild(empty.li);
        finish(empty, false, text('empty'), false);
        return;
      }
      var room = Number(form.getAttribute('data-room'));
      files.forEach(function (f, i) {
        var item = line(f);
        list.appendChild(item.li);
        if (i >= room) finish(item, false, text('too-many'), false);
        else queue.push(item);
      });
      input.value = '';
      pump();
    });
  }
  bindGallery();

  // The status page (without this script's form): follow the job, then show its answer.
  var status = document.querySelector('[data-upload-status]');
  var url = status && status.getAttribute('data-upload-status');
  if (url) {
    var poll = function () {
      fetch(url, { credentials: 'same-origin', cache: 'no-store' }).then(function (r) { return r.json(); }).then(function (s) {
        var bar = status.querySelector('[data-progress]');
        if (bar) bar.value = s.progress;
        if (s.finished) window.location.reload(); else setTimeout(poll, 1000);
      }).catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 800);
  }
})();
