// base64.js — bytesToBase64 / base64ToBytes: binary ledgers through JSON-only channels
// (chrome.storage and runtime messages serialise as JSON, where a Uint8Array does not survive).

const CHUNK = 0x8000; // bytes per String.fromCharCode call: stays under the argument-count limit

export function bytesToBase64(bytes) {
  let binary = '';
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}

/** Throws an Error on text that is not base64. */
export function base64ToBytes(text) {
  let binary;
  try {
    binary = atob(text);
  } catch {
    throw new Error('not base64');
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
