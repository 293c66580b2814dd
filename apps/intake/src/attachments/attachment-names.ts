/** The name an attachment without a usable one is stored under. */
export const FALLBACK_NAME = '附件';

const MAX_NAME_LENGTH = 200;

/** C0/C1 controls and the bidirectional overrides that can disguise an extension. */
const UNSAFE_CHARACTERS = /[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The name to keep for an uploaded file: its base name (a client path such as
 * `C:\\材料\\起诉状.pdf` or `a/b.pdf` loses its folders), NFC, without control or
 * direction-override characters, at most 200 characters (the extension kept); `附件` when
 * nothing is left. Only ever displayed and sent back in Content-Disposition, never a path.
 */
export function cleanAttachmentName(raw: string | undefined | null): string {
  const base = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const name = base.normalize('NFC').replace(UNSAFE_CHARACTERS, '').trim();
  if (name === '' || /^\.+$/.test(name)) return FALLBACK_NAME;
  const chars = [...name];
  if (chars.length <= MAX_NAME_LENGTH) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? [...name.slice(dot)] : [];
  if (extension.length === 0 || extension.length > 16)
    return chars.slice(0, MAX_NAME_LENGTH).join('');
  return [...chars.slice(0, MAX_NAME_LENGTH - extension.length), ...extension].join('');
}

/** RFC 5987 `ext-value` characters: everything else is percent-encoded (UTF-8). */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

/**
 * `Content-Disposition: attachment` naming the file: a plain `filename="…"` for a plain ASCII
 * name; otherwise (Chinese, quotes, `%` …) an ASCII stand-in in `filename` for old clients and
 * the real name as RFC 5987 / RFC 6266 `filename*=UTF-8''…`.
 */
export function attachmentDisposition(name: string): string {
  if (/^[\u0020-\u007e]*$/.test(name) && !/["\\%]/.test(name)) {
    return `attachment; filename="${name}"`;
  }
  const fallback = name.replace(/[^\u0020-\u007e]|["\\%]/g, '_');
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(name)}`;
}

/** A byte count for people: `20 MB`, `512 KB`, `1000 字节`. */
export function formatBytes(bytes: number): string {
  const MB = 1024 * 1024;
  if (bytes >= MB) return `${Number((bytes / MB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} 字节`;
}
