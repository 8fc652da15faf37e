// Pages show patient identity: none is kept in the browser's storage, where it would outlive the sign-out on a shared
// workstation (htmx's history cache is off in base.html; what an older page may have left is removed).
try {
  window.localStorage.removeItem("htmx-history-cache");
} catch (e) {
  // storage refused: nothing was kept there either
}

// htmx 2 leaves a 4xx or 5xx answer unswapped, so a refused form would look exactly as if nothing happened and the
// user would believe it saved. Every page answers a refusal with the form as it was sent and the problem next to its
// field, so it is swapped like any other answer. Two answers are not pages: a session that expired (499, from
// HtmxRequests) and a CSRF token that is not the session's (403 with X-CSRF-Refused, from CsrfFilter); for those the
// form being filled in is kept and the user is told what to do, so that nothing typed is lost.
function sessionProblem(xhr) {
  if (!xhr) {
    return null;
  }
  if (xhr.status === 499) {
    return "expired";
  }
  if (xhr.status === 403 && xhr.getResponseHeader("X-CSRF-Refused")) {
    return "refused";
  }
  return null;
}

// A live part's refresh (LiveUpdates) is not the user's act: when it fails, the part stays as it was, the focus
// stays where the user is, and nothing is announced; the next change tries again.
function isLive(detail) {
  var config = detail && detail.requestConfig;
  return !!(config && config.headers && config.headers["X-Live"]);
}

document.addEventListener("htmx:beforeSwap", function (event) {
  var xhr = event.detail.xhr;
  if (!xhr || xhr.status < 400) {
    return;
  }
  if (isLive(event.detail)) {
    event.detail.shouldSwap = false;
    event.detail.isError = false;
    return;
  }
  if (sessionProblem(xhr)) {
    event.detail.shouldSwap = false;
    event.detail.isError = true;
    return;
  }
  event.detail.shouldSwap = true;
  event.detail.isError = false;
});

// A service that cannot be reached at all (the web app itself down, the network gone) gives no answer to swap.
document.addEventListener("htmx:sendError", function (event) {
  if (isLive(event.detail)) {
    return;
  }
  notice("The tumor board's server did not answer, so this was not sent. What you typed is kept: check the network and send it again.");
});

document.addEventListener("htmx:responseError", function (event) {
  var problem = sessionProblem(event.detail.xhr);
  if (!problem) {
    return;
  }
  var verb = event.detail.requestConfig && event.detail.requestConfig.verb;
  if (verb === "get") {
    window.location.reload();
    return;
  }
  notice(problem === "expired"
      ? "Your session has expired, so this was not sent. Sign in again in another tab, then send it again: what you typed is kept here."
      : "This page is older than your current session, so this was not sent. Copy what you typed, reload the page and send it again.");
});

function notice(text) {
  var notice = document.getElementById("session-notice");
  if (!notice) {
    notice = document.createElement("p");
    notice.id = "session-notice";
    notice.className = "alert";
    notice.setAttribute("role", "alert");
    notice.setAttribute("tabindex", "-1");
    var main = document.getElementById("main");
    (main || document.body).prepend(notice);
  }
  notice.textContent = text;
  notice.focus();
}

// After a refusal the focus goes to the first field the problem names (its message is read with it, through
// aria-describedby), or to the page's alert when the problem names no field; a keyboard or screen-reader user lands
// on what needs fixing instead of at the top of the page.
function focusProblem(root) {
  var field = root.querySelector("[aria-invalid='true']");
  // A standing flag of the case (a decision for the chair's review) is not a refusal: it does not take the focus.
  var target = field || root.querySelector(".alert[role='alert']:not(.flag)");
  if (!target) {
    return;
  }
  if (!field) {
    target.setAttribute("tabindex", "-1");
  }
  target.focus();
  if (target.scrollIntoView) {
    target.scrollIntoView({ block: "center" });
  }
}

document.addEventListener("htmx:afterSettle", function (event) {
  var xhr = event.detail.xhr;
  if (xhr && xhr.status >= 400 && !isLive(event.detail)) {
    focusProblem(document);
  }
});

document.addEventListener("DOMContentLoaded", function () {
  focusProblem(document);
});

// Irreversible acts (signing out a report, recording a decision or a recurrence, closing a meeting) carry
// data-confirm: the user confirms what will happen before the form is sent, with or without htmx.
document.addEventListener("submit", function (event) {
  var form = event.target;
  var question = form && form.getAttribute && form.getAttribute("data-confirm");
  var unlessField = question && form.getAttribute("data-confirm-unless-field");
  if (unlessField && form.elements[unlessField] && form.elements[unlessField].value === form.getAttribute("data-confirm-unless-value")) {
    return;
  }
  if (question && !window.confirm(question)) {
    event.preventDefault();
    event.stopImmediatePropagation();
  }
}, true);

// A meeting as it happens (LiveUpdates): a page's live part (data-live) holds a stream that says when what it shows
// has changed; the part, and only it, is fetched again, so a form being filled in beside it is left as it is.
var live = null;
function watchLive() {
  var region = document.querySelector("[data-live]");
  var url = region ? region.getAttribute("data-live") : null;
  if (live && live.url === url) {
    return;
  }
  if (live) {
    live.source.close();
    live = null;
  }
  if (!url || !window.EventSource) {
    return;
  }
  var source = new EventSource(url);
  live = { url: url, source: source };
  // The case or meeting is no longer the user's to see (or gone): the stream stops instead of reconnecting.
  source.addEventListener("gone", function () {
    source.close();
  });
  source.onmessage = function (event) {
    var current = document.querySelector("[data-live]");
    var body = current && current.querySelector(".live-body");
    if (!body || body.getAttribute("data-live-version") === event.data) {
      return;
    }
    // The region stays (it is the aria-live region); only its body is replaced.
    var id = "#" + current.id;
    htmx.ajax("GET", window.location.pathname + window.location.search,
        { target: id, select: id + " > .live-body", swap: "innerHTML", headers: { "X-Live": "1" } });
  };
}
htmx.onLoad(watchLive);

// While the live part says the board has decided, the forms that only make sense before a decision (vote, decide,
// move, assessments, waiver) are not on the page: a member cannot send a vote the board will refuse. A reopened case
// (a new round) shows them again.
document.addEventListener("htmx:afterSettle", function (event) {
  var region = event.detail.target;
  if (region && region.hasAttribute && region.hasAttribute("data-live")) {
    var decided = region.querySelector(".live-body[data-decided]") !== null;
    document.querySelectorAll("form[data-undecided]").forEach(function (form) {
      form.hidden = decided;
    });
  }
});
