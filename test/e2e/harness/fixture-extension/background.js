/* global chrome, self */
// Answers the popup with the moment this worker started, so tests can tell a restarted worker apart.
const startedAt = `${Date.now()}-${Math.random()}`;
self.startedAt = startedAt;

chrome.runtime.onMessage.addListener((message, _sender, sendResponse) => {
  if (message?.type === 'started') sendResponse({ startedAt });
  return false;
});
