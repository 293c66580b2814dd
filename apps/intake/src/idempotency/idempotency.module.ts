import { Global, Module } from '@nestjs/common';
import { IdempotencyRecords } from './idempotency-records';

@Global()
@Module({ providers: [IdempotencyRecords], exports: [IdempotencyRecords] })
export class IdempotencyModule {}
