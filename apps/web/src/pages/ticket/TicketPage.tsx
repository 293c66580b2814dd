import type { TicketView } from '../../api/types';
import type { TicketActionKey } from './actions';
import { ActionsPanel } from './actions/ActionsPanel';
import type { DirectoryLookup } from './directory';
import { AttachmentsSection } from './sections/AttachmentsSection';
import { CallSection } from './sections/CallSection';
import { DeadlinesSection } from './sections/DeadlinesSection';
import { DispositionSection } from './sections/DispositionSection';
import { EscalationSection } from './sections/EscalationSection';
import { HandlingSection } from './sections/HandlingSection';
import { OutcomeSection } from './sections/OutcomeSection';
import { TicketHeader } from './sections/TicketHeader';
import { TimelineSection } from './sections/TimelineSection';

/**
 * The ticket's sections: two columns on a desk, one on a phone with what to do first
 * (the column wrappers dissolve there and `order` in ticket.css sets the sequence).
 */
export function TicketPage({
  ticket,
  directory,
  actions,
  isAdmin,
}: {
  ticket: TicketView;
  directory: DirectoryLookup | undefined;
  actions: readonly TicketActionKey[];
  isAdmin: boolean;
}) {
  return (
    <article className="ticket-page">
      <TicketHeader ticket={ticket} isAdmin={isAdmin} />
      <div className="ticket-grid">
        <div className="ticket-col">
          <div className="ticket-area-deadlines">
            <DeadlinesSection ticket={ticket} />
          </div>
          <div className="ticket-area-call">
            <CallSection ticket={ticket} directory={directory} />
          </div>
          <div className="ticket-area-disposition">
            <DispositionSection ticket={ticket} directory={directory} />
          </div>
          <div className="ticket-area-handling">
            <HandlingSection ticket={ticket} directory={directory} />
          </div>
          <div className="ticket-area-outcome">
            <OutcomeSection ticket={ticket} directory={directory} />
          </div>
        </div>
        <div className="ticket-col">
          <div className="ticket-area-actions">
            <ActionsPanel ticket={ticket} directory={directory} actions={actions} />
          </div>
          <div className="ticket-area-escalation">
            <EscalationSection ticket={ticket} directory={directory} />
          </div>
          <div className="ticket-area-attachments">
            <AttachmentsSection
              ticketId={ticket.id}
              directory={directory}
              canUpload={actions.includes('attach')}
            />
          </div>
          <div className="ticket-area-timeline">
            <TimelineSection timeline={ticket.timeline} directory={directory} />
          </div>
        </div>
      </div>
    </article>
  );
}
