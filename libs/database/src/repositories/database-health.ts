import type { Connection } from 'mongoose';

/** Whether the service's database answers (`GET /health`). */
export class DatabaseHealth {
  constructor(private readonly connection: Connection) {}

  static of(connection: Connection): DatabaseHealth {
    return new DatabaseHealth(connection);
  }

  /** Resolves when the database answers a ping; rejects when it does not (or is not connected). */
  async ping(): Promise<void> {
    await this.connection.db!.admin().ping();
  }
}
