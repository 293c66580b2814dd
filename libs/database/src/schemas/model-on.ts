import type { Connection, Model, Schema } from 'mongoose';

/** The connection's model `name` of `schema`: registered on first use, the same one after. */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] ?? connection.model<T>(name, schema)) as Model<T>;
}
