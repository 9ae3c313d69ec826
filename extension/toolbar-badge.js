// toolbar-badge.js — showAttentionCount: the number on the toolbar icon for one tab.

const BADGE_COLOR = '#b3261e'; // red: the count is of quotes the reader should check

/** Shows `count` on the tab's toolbar icon; 0 clears it. Never throws (the tab may be gone). */
export async function showAttentionCount(tabId, count) {
  try {
    await chrome.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOR });
    await chrome.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  } catch (err) {
    console.debug('quotetrace: cannot set toolbar badge for tab', tabId, err?.message);
  }
}
