// Small progressive enhancements; every page works without this file.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('owlet_tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'owlet_tz=' + encodeURIComponent(zone) + ';path=/;max-age=31536000;samesite=lax';
    }
  } catch (e) { /* no Intl: dates stay in UTC */ }
})();
// Hotspot pictures: send the width the picture was shown at, so the server scales the clicked point.
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('input.hotspot-image').forEach(function (image) {
    image.addEventListener('click', function () {
      var field = image.form && image.form.querySelector('input[name="w"]');
      if (field) { field.value = image.getBoundingClientRect().width; }
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
