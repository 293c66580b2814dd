import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert';
import { COUNT_DEFINITIONS, type CountDefinition, countText, ticketListHref } from './counts';
import { UNACCEPTED_ANCHOR, UNACCEPTED_TILE } from './unaccepted';
import {
  useOpenTransfers,
  useRedTickets,
  useTicketTotal,
  useUnaccepted,
  YELLOW_SAMPLE,
} from './useDashboardData';
import { yellowCount } from './yellow';

const byKey = (key: CountDefinition['key']) => COUNT_DEFINITIONS.find((d) => d.key === key)!;

function CountTile({
  def,
  count,
  atLeast = false,
}: {
  def: CountDefinition;
  count: number | undefined;
  atLeast?: boolean;
}) {
  const text = countText(count, atLeast);
  const lit = count !== undefined && count > 0 ? ` dash-tile-${def.tone}` : '';
  return (
    <Link
      to={ticketListHref(def.query)}
      className={`dash-tile${lit}`}
      aria-busy={count === undefined}
    >
      {/* The link's name is what it shows, word first (UI.md): 红灯 7 已超期且尚未反馈 */}
      <span className="dash-tile-label">{def.label}</span>
      <span className="dash-tile-count">{text}</span>
      <span className="dash-tile-hint">{def.hint}</span>
    </Link>
  );
}

/** 未签收: no ticket search matches it, so it opens the list on this page. */
function UnacceptedTile() {
  const unaccepted = useUnaccepted();
  const count = unaccepted.data?.total;
  const lit = count !== undefined && count > 0 ? ` dash-tile-${UNACCEPTED_TILE.tone}` : '';
  return (
    <a href={`#${UNACCEPTED_ANCHOR}`} className={`dash-tile${lit}`} aria-busy={count === undefined}>
      <span className="dash-tile-label">{UNACCEPTED_TILE.label}</span>
      <span className="dash-tile-count">{countText(count)}</span>
      <span className="dash-tile-hint">{UNACCEPTED_TILE.hint}</span>
    </a>
  );
}

function TotalTile({ def }: { def: CountDefinition }) {
  const total = useTicketTotal(def, true);
  return <CountTile def={def} count={total.data} />;
}

/** The six counts, each a link to the ticket list that makes it up, and 未签收 (its list below). */
export function CountTiles({ now }: { now: number }) {
  const red = useRedTickets();
  const transfers = useOpenTransfers();
  const yellow = transfers.data ? yellowCount(transfers.data.items, now) : undefined;
  const sampled = !!transfers.data && transfers.data.total > YELLOW_SAMPLE;
  const error = red.error ?? transfers.error;

  return (
    <section aria-labelledby="dash-counts-title">
      <h2 id="dash-counts-title" className="visually-hidden">
        当前工单
      </h2>
      <ErrorAlert error={error} />
      <div className="dash-tiles">
        <CountTile def={byKey('red')} count={red.data?.total} />
        <CountTile def={byKey('yellow')} count={yellow} atLeast={sampled} />
        <TotalTile def={byKey('overdue')} />
        <TotalTile def={byKey('reminded')} />
        <TotalTile def={byKey('bulletined')} />
        <TotalTile def={byKey('callback')} />
        <UnacceptedTile />
      </div>
    </section>
  );
}
