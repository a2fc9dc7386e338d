// Progressive enhancement only: every page works without this file (and without htmx).
(function () {
  'use strict';

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Plain http on another host has no clipboard API: copy through a selected, off-screen text area.
    return new Promise(function (resolve, reject) {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.className = 'offscreen';
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand('copy');
      document.body.removeChild(area);
      if (ok) { resolve(); } else { reject(new Error('copy refused')); }
    });
  }

  function initCopyButtons(root) {
    root.querySelectorAll('button.copy[data-copy-target]').forEach(function (button) {
      if (button.dataset.copyReady) return;
      button.dataset.copyReady = 'true';
      button.hidden = false;
      button.addEventListener('click', function () {
        var target = document.getElementById(button.dataset.copyTarget);
        if (!target) return;
        var label = button.textContent;
        copyText(target.textContent).then(function () {
          button.textContent = 'Copied';
        }, function () {
          button.textContent = 'Copy failed';
        }).finally(function () {
          setTimeout(function () { button.textContent = label; }, 1500);
        });
      });
    });
  }

  // Live preview on the webhook form: posts the form as the "Preview" button would (same session and
  // CSRF token) and swaps in the preview part of the answer. Without JavaScript the button does it.
  function initLivePreview() {
    var previewButton = document.querySelector('button[data-live-preview]');
    var area = document.getElementById('preview-area');
    if (!previewButton || !area || !window.fetch || !window.DOMParser) return;
    var form = previewButton.form;
    var timer;
    var refresh = async function () {
      var body = new URLSearchParams(new FormData(form));
      body.set('preview', '1');
      try {
        var response = await fetch(form.action, {method: 'POST', body: body, credentials: 'same-origin'});
        var page = new DOMParser().parseFromString(await response.text(), 'text/html');
        var fresh = page.getElementById('preview-area');
        if (fresh) area.replaceChildren.apply(area, Array.from(fresh.childNodes));
      } catch (e) {
        // Keep the last preview; the button still works.
      }
    };
    ['template', 'headers', 'filter', 'format', 'preview_event'].forEach(function (name) {
      var field = form.elements.namedItem(name);
      if (!field) return;
      field.addEventListener('input', function () {
        clearTimeout(timer);
        timer = setTimeout(refresh, 600);
      });
    });
  }

  // htmx:load fires for the page and for every fragment htmx swaps in; without htmx, DOMContentLoaded does.
  document.addEventListener('htmx:load', function (event) { initCopyButtons(event.target); });
  document.addEventListener('DOMContentLoaded', function () {
    initCopyButtons(document);
    initLivePreview();
  });
})();
