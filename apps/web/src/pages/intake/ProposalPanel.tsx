import { Alert, Button, Skeleton, Spin, Tag, Typography } from 'antd';
import type { Route } from '../../api/types';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ACTION_LABELS, clauseName, labelOf } from '../../lib/labels';
import { type Suggestion, splitExplanation } from './proposal-outcome';
import type { ProposalState } from './useProposal';

export interface OverrideSummary {
  action: string | undefined;
  targetName: string | undefined;
  reason: string | undefined;
}

interface Props {
  state: ProposalState;
  /** Whether a type is chosen: without one there is nothing to propose yet. */
  typeChosen: boolean;
  missing: string[];
  override: OverrideSummary | null;
  departmentName: (id: string | null) => string | undefined;
  onApplySuggestion: (suggestion: Suggestion) => void;
}

/** Region `处理建议`: the disposition Article 4 proposes while the call is taken down. */
export function ProposalPanel(props: Props) {
  const { state, missing } = props;
  return (
    <section
      className="intake-panel intake-proposal"
      aria-labelledby="intake-proposal-title"
      aria-busy={state.updating}
    >
      <div className="intake-panel-head">
        <h2 id="intake-proposal-title">处理建议</h2>
        {state.updating && !state.loading && <Spin size="small" aria-hidden="true" />}
      </div>
      <div aria-live="polite" className="intake-proposal-body">
        <ProposalBody {...props} />
        {missing.length > 0 && (
          <Typography.Paragraph type="secondary" className="intake-missing">
            提交前还需填写：{missing.join('、')}
          </Typography.Paragraph>
        )}
      </div>
    </section>
  );
}

function ProposalBody({ state, typeChosen, override, departmentName, onApplySuggestion }: Props) {
  const { outcome } = state;
  if (state.loading) return <Skeleton active title={false} paragraph={{ rows: 4 }} />;
  return (
    <>
      {state.error ? <ErrorAlert error={state.error} title="暂时无法获取处理建议" /> : null}
      {override && <OverrideNotice override={override} />}
      {outcome.disposition ? (
        <div>
          {override && <Typography.Text type="secondary">系统建议（未采用）：</Typography.Text>}
          <RouteView route={outcome.disposition} departmentName={departmentName} main />
          {outcome.disposition.alsoRoutes.map((route) => (
            <RouteView
              key={`${route.action}-${route.target?.id}`}
              route={route}
              departmentName={departmentName}
            />
          ))}
          {outcome.answerRequired && !override && <Tag color="blue">须填写答复内容</Tag>}
          {outcome.caseIgnored && (
            <Typography.Paragraph type="secondary">
              所填案号尚不能识别，未用于判断。
            </Typography.Paragraph>
          )}
        </div>
      ) : (
        !state.error && (
          <Typography.Paragraph type="secondary">
            {typeChosen
              ? '尚不能确定处理方式，请按下面的提示补充。'
              : '选择来电类型后，这里显示按第四条应如何处理。'}
          </Typography.Paragraph>
        )
      )}
      {outcome.problems.length > 0 && (
        <ul className="intake-problems">
          {outcome.problems.map((problem) => (
            <li key={problem}>
              <Typography.Text type="warning">{problem}</Typography.Text>
            </li>
          ))}
        </ul>
      )}
      {outcome.suggestions.map((suggestion) => (
        <Alert
          key={suggestion.kind}
          type="info"
          showIcon
          className="intake-suggestion"
          title={suggestion.message}
          description={
            suggestion.kind === 'could_not_reach_judge' ? (
              <Button size="small" onClick={() => onApplySuggestion(suggestion)}>
                标记为联系不上法官
              </Button>
            ) : undefined
          }
        />
      ))}
    </>
  );
}

function RouteView({
  route,
  departmentName,
  main = false,
}: {
  route: Route;
  departmentName: (id: string | null) => string | undefined;
  main?: boolean;
}) {
  const department = departmentName(route.departmentId);
  const explanation = splitExplanation(route.explanation);
  return (
    <dl className={main ? 'intake-route' : 'intake-route intake-route-also'}>
      <dt>{main ? explanation.basis : `同时${explanation.basis}`}</dt>
      <dd>
        <Tag color={main ? 'red' : 'default'} className="intake-clause">
          {clauseName(route.rule)}
        </Tag>
      </dd>
      <dt>处理方式</dt>
      <dd>
        <strong>{labelOf(ACTION_LABELS, route.action)}</strong>
      </dd>
      {route.target && (
        <>
          <dt>承办对象</dt>
          <dd>
            {route.target.name}
            {department && <Typography.Text type="secondary">（{department}）</Typography.Text>}
          </dd>
        </>
      )}
      {explanation.text && (
        <>
          <dt>说明</dt>
          <dd>{explanation.text}</dd>
        </>
      )}
    </dl>
  );
}

function OverrideNotice({ override }: { override: OverrideSummary }) {
  return (
    <div className="intake-override-notice">
      <Tag className="tag-overridden">已改派</Tag>
      <span>不采用系统建议，提交后按改派办理：</span>
      <dl className="intake-route">
        <dt>改派方式</dt>
        <dd>{labelOf(ACTION_LABELS, override.action) || '—'}</dd>
        <dt>改派对象</dt>
        <dd>{override.targetName ?? '尚未选择'}</dd>
        <dt>改派理由</dt>
        <dd>{override.reason?.trim() || '尚未填写'}</dd>
      </dl>
    </div>
  );
}
