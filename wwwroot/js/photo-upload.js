// Photo upload progress for the makers' workspace; without it the same forms and links still work.
(function () {
  var form = document.querySelector('[data-photo-upload]');
  if (form && window.XMLHttpRequest && window.FormData) {
    form.addEventListener('submit', function (e) {
      var bar = form.querySelector('[data-progress]');
      var xhr = new XMLHttpRequest();
      e.preventDefault();
      bar.hidden = false;
      xhr.upload.onprogress = function (p) { if (p.lengthComputable) bar.value = Math.round(p.loaded * 100 / p.total); };
      xhr.onload = function () { window.location.href = xhr.responseURL || form.action; };
      xhr.onerror = function () { form.submit(); };
      xhr.open('POST', form.action);
      xhr.send(new FormData(form));
    });
  }
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
