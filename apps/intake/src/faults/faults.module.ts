import { Global, Module } from '@nestjs/common';
import { StartReconciler } from './start-reconciler';
import { TemporalAvailability } from './temporal-availability';
import { WorkflowStarts } from './workflow-starts';

/** Intake under faults: fail fast when Temporal is away, and never keep a half-made ticket. */
@Global()
@Module({
  providers: [TemporalAvailability, WorkflowStarts, StartReconciler],
  exports: [TemporalAvailability, WorkflowStarts, StartReconciler],
})
export class FaultsModule {}
