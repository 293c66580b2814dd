/**
 * The tests' payload key, fixed: histories recorded with RECORD_HISTORIES=1 are encrypted with
 * it, and the replay test must decrypt them for ever. Never change it; never use it outside
 * tests. Apart from the harness so that the global set-up (no path aliases) can import it.
 */
export const TEST_PAYLOAD_KEY_ID = 'test-2026';
export const TEST_PAYLOAD_KEY_BYTES = Buffer.from('court12368 test payload key 0001', 'utf8');
/** The same key as a `PAYLOAD_KEYS` setting, for apps configured from the environment. */
export const TEST_PAYLOAD_KEYS = `${TEST_PAYLOAD_KEY_ID}:${TEST_PAYLOAD_KEY_BYTES.toString('base64')}`;
