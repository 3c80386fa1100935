/*
 * Demo article page: fetches the demo article (title, byline and the server's sanitised HTML of
 * its text) and fills the page. The comment thread below it is the ordinary widget.
 */
(function () {
  'use strict';
  var meta = function (name) { var m = document.querySelector('meta[name="' + name + '"]'); return m ? m.content : ''; };
  var site = meta('parley-site'), key = meta('parley-article');
  var title = document.getElementById('story-title');
  var byline = document.getElementById('story-byline');
  var body = document.getElementById('story-body');

  fetch('/api/v1/sites/' + encodeURIComponent(site) + '/articles/' + encodeURIComponent(key), { headers: { Accept: 'application/json' } })
    .then(function (res) { if (!res.ok) throw new Error('HTTP ' + res.status); return res.json(); })
    .then(function (a) {
      title.textContent = a.title || key;
      document.title = (a.title || key) + ' · The Parley Gazette';
      var parts = [];
      if (a.author) parts.push('By ' + a.author);
      byline.textContent = parts.join('');
      if (a.publishedAt) {
        var t = document.createElement('time');
        t.dateTime = a.publishedAt;
        t.textContent = new Date(a.publishedAt).toLocaleDateString(undefined, { dateStyle: 'long' });
        byline.append(parts.length ? ' · ' : '', t);
      }
      // The article's text comes from the server's sanitiser (safe HTML), like comment bodies.
      body.innerHTML = a.html || '';
      var widget = document.querySelector('parley-comments');
      if (widget && a.url) widget.setAttribute('url', a.url);
      if (widget && a.title) widget.setAttribute('title', a.title);
    })
    .catch(function () {
      title.textContent = 'The article could not be loaded';
      body.textContent = 'Is the Parley server running? The comments below may still load.';
    });
})();
