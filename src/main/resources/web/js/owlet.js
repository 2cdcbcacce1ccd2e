// Small progressive enhancements; every page works without this file.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('owlet_tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'owlet_tz=' + encodeURIComponent(zone) + ';path=/;max-age=31536000;samesite=lax';
    }
  } catch (e) { /* no Intl: dates stay in UTC */ }
})();
// Hotspot pictures: a click or tap places a marker (click again, or use the arrow keys, to move it); the
// question's button sends it with the width the picture was shown at. Without this file the region list answers.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('[data-hotspot]').forEach(function (zone) {
    var image = zone.querySelector('img.hotspot-image');
    var marker = zone.querySelector('.marker');
    var form = zone.closest('form');
    var field = function (name) { return zone.querySelector('input[name="' + name + '"]'); };
    var point = null;
    var place = function (x, y) {
      var box = image.getBoundingClientRect();
      x = Math.max(0, Math.min(box.width, x));
      y = Math.max(0, Math.min(box.height, y));
      point = { x: x, y: y };
      marker.hidden = false;
      marker.style.left = (x / box.width * 100) + '%';
      marker.style.top = (y / box.height * 100) + '%';
      field('pt.x').value = Math.round(x); field('pt.y').value = Math.round(y); field('w').value = Math.round(box.width);
      ['pt.x', 'pt.y', 'w'].forEach(function (n) { field(n).disabled = false; });
      form.querySelectorAll('input[name="region"]').forEach(function (r) { r.checked = false; });
    };
    image.tabIndex = 0;
    image.addEventListener('click', function (event) {
      var box = image.getBoundingClientRect();
      place(event.clientX - box.left, event.clientY - box.top);
    });
    image.addEventListener('keydown', function (event) {
      var step = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] }[event.key];
      if (!step) { return; }
      event.preventDefault();
      var box = image.getBoundingClientRect();
      var from = point || { x: box.width / 2, y: box.height / 2 };
      place(from.x + step[0] * box.width / 50, from.y + step[1] * box.height / 50);
    });
    form.querySelectorAll('input[name="region"]').forEach(function (r) {
      r.addEventListener('change', function () {
        point = null; marker.hidden = true;
        ['pt.x', 'pt.y', 'w'].forEach(function (n) { field(n).disabled = true; });
      });
    });
  });
  // Drill cards and questions: keys 1–9 pick an option, only while focus is inside the question's form (so the keys
  // never act on the rest of the page; WCAG 2.1.4). Tab into the question first, or pick with the arrow keys.
  document.querySelectorAll('form.card-form').forEach(function (form) {
    form.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) { return; }
      if (event.target.tagName === 'TEXTAREA' || (event.target.tagName === 'INPUT' && event.target.type === 'text')) { return; }
      var n = parseInt(event.key, 10);
      var options = form.querySelectorAll('input[name="option"]');
      if (n >= 1 && n <= options.length) { event.preventDefault(); options[n - 1].click(); options[n - 1].focus(); }
    });
  });
  // After a failed submit the error summary takes focus, so it is read first; after an answer, the verdict does.
  var first = document.querySelector('.error-summary[tabindex], [data-focus-on-load]');
  if (first) { first.focus(); }
  // A table wider than its space scrolls inside its wrapper: the wrapper is then a labelled region that takes focus,
  // so keyboard users can scroll it too (the label is the table's caption, or the heading before it).
  var wraps = document.querySelectorAll('.table-wrap:not([role])');
  var headings = Array.from(document.querySelectorAll('main h1, main h2, main h3, main h4'));
  var label = function (wrap) {
    var caption = wrap.querySelector('caption');
    var before = headings.filter(function (h) { return h.compareDocumentPosition(wrap) & Node.DOCUMENT_POSITION_FOLLOWING; });
    return caption ? caption.textContent.trim() : before.length ? before[before.length - 1].textContent.trim() : document.title;
  };
  var mark = function () {
    wraps.forEach(function (wrap) {
      if (wrap.scrollWidth > wrap.clientWidth + 1) {
        wrap.tabIndex = 0;
        wrap.setAttribute('role', 'region');
        wrap.setAttribute('aria-label', label(wrap));
      } else {
        wrap.removeAttribute('tabindex'); wrap.removeAttribute('role'); wrap.removeAttribute('aria-label');
      }
    });
  };
  mark();
  window.addEventListener('resize', mark);
});
