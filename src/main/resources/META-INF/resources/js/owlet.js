// Small progressive enhancements; every page works without this file.
(function () {
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && document.cookie.indexOf('owlet_tz=' + encodeURIComponent(zone)) < 0) {
      document.cookie = 'owlet_tz=' + encodeURIComponent(zone) + ';path=/;max-age=31536000;samesite=lax';
    }
  } catch (e) { /* no Intl: dates stay in UTC */ }
})();
