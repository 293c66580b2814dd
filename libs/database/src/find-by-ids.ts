import type { Model } from 'mongoose';

/**
 * The documents with these ids, in the ids' order (missing ones left out), read by `_id` a few
 * at a time: the one lookup the embedded FerretDB does without scanning (`$in` scans).
 */
export async function findByIds<T>(
  model: Model<T>,
  ids: readonly string[],
  projection?: Record<string, 0 | 1>,
  parallel = 32,
): Promise<T[]> {
  const found: T[] = [];
  for (let i = 0; i < ids.length; i += parallel) {
    const docs = await Promise.all(
      ids.slice(i, i + parallel).map((id) => model.findById(id, projection).lean<T>()),
    );
    for (const doc of docs) if (doc) found.push(doc);
  }
  return found;
}
