// Issue 24. An htmx request made after the session expired is answered 499 instead of a redirect to Keycloak
// (HtmxRequests); a request whose CSRF token is not the session's is answered 403 with X-CSRF-Refused (CsrfFilter).
// A page being navigated to reloads, which takes the user to sign in and back; a form being filled in is kept, and
// the user is told what to do, so that nothing typed is lost.
document.addEventListener("htmx:responseError", function (event) {
  var xhr = event.detail.xhr;
  var expired = xhr && xhr.status === 499;
  var refused = xhr && xhr.status === 403 && xhr.getResponseHeader("X-CSRF-Refused");
  if (!expired && !refused) {
    return;
  }
  var verb = event.detail.requestConfig && event.detail.requestConfig.verb;
  if (verb === "get") {
    window.location.reload();
    return;
  }
  var notice = document.getElementById("session-notice");
  if (!notice) {
    notice = document.createElement("p");
    notice.id = "session-notice";
    notice.className = "alert";
    notice.setAttribute("role", "alert");
    var main = document.getElementById("main");
    (main || document.body).prepend(notice);
  }
  notice.textContent = expired
      ? "Your session has expired, so this was not sent. Sign in again in another tab, then send it again: what you typed is kept here."
      : "This page is older than your current session, so this was not sent. Copy what you typed, reload the page and send it again.";
});
