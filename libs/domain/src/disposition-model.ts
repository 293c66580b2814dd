/**
 * What the Article 4 rules look at (`RoutingInput`) and what they produce: a route per rule
 * row, the proposal built from them, and the disposition a ticket carries. Types only.
 */

import type { DispositionAction, DispositionTarget, Rule } from './disposition-types';
import type { ComplaintDetails, TicketFlags, TicketType } from './ticket';

/** What the rules look at. A validated `CreateTicketInput` is one. */
export interface RoutingInput {
  readonly type: TicketType;
  readonly complaint?: ComplaintDetails | null;
  readonly caseNumber?: string | null;
  readonly flags?: Partial<TicketFlags>;
}

/** The judge's contact the agent gives the caller (4.2, first contact). */
export interface JudgeContact {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
}

/** One way the ticket is handled: one row of the rule table, resolved against the directory. */
export interface Route {
  readonly action: DispositionAction;
  readonly rule: Rule;
  /** The id of the rule-table row that decided it. */
  readonly rowId: string;
  /** Applied by analogy (参照), for `other`. */
  readonly byAnalogy: boolean;
  /** Whom it goes to; null for a direct answer (the agent on the call answers). */
  readonly target: DispositionTarget | null;
  /** The department handling it (TicketDepartment); null for a direct answer. */
  readonly departmentId: string | null;
  /** Shown in the UI: 依据第四条第五项：投诉立案问题，转立案诉讼服务部门负责人调查核实并书面报告 */
  readonly explanation: string;
  /** 4.2 first contact: the presiding judge's contact. */
  readonly judgeContact?: JudgeContact;
}

export interface EscalationLevel {
  /** 1: 主管副庭长、庭长; 2: 主管副院长、院长. */
  readonly level: number;
  readonly label: string;
  readonly people: readonly DispositionTarget[];
}

export interface DispositionProposal extends Route {
  /**
   * Further routes handled alongside the primary one: when 4.8 or 4.7 decides, the other
   * precedence rule (if it also applies) and the ticket type's own route.
   */
  readonly alsoRoutes: readonly Route[];
  /** 4.8 only: who is notified, level by level, until someone acknowledges. */
  readonly escalationLadder: readonly EscalationLevel[] | null;
}

/** The disposition a ticket carries: the proposal, or the agent's override of it. */
export interface Disposition extends DispositionProposal {
  readonly overridden: boolean;
  readonly overrideReason: string | null;
  /** The proposal the agent overrode; null when not overridden or the rules had none. */
  readonly originalProposal: DispositionProposal | null;
}
