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
  // Drill cards: keys 1–9 pick an option.
  var form = document.querySelector('form.card-form');
  if (form) {
    document.addEventListener('keydown', function (event) {
      if (event.target.tagName === 'INPUT' && event.target.type === 'text') { return; }
      var n = parseInt(event.key, 10);
      var options = form.querySelectorAll('input[name="option"]');
      if (n >= 1 && n <= options.length) { options[n - 1].click(); options[n - 1].focus(); }
    });
  }
});
