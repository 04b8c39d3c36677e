/* global chrome, document, location, URLSearchParams */
// Shows what the harness tests check; `?store=VALUE` writes VALUE to chrome.storage.local.
const params = new URLSearchParams(location.search);
document.getElementById('lang').textContent = chrome.i18n.getUILanguage();
document.getElementById('query').textContent = location.search;
const value = params.get('store');
if (value) chrome.storage.local.set({ stored: value });
chrome.runtime.sendMessage({ type: 'started' }).then((reply) => {
  document.getElementById('worker').textContent = reply.startedAt;
});
