import { Alert, Button, Card, Form, Typography } from 'antd';
import type { KeyboardEvent } from 'react';
import { useMemo, useRef, useState } from 'react';
import { ApiError } from '../../api/errors';
import type { CreatedTicket } from '../../api/types';
import { useDirectory } from '../../api/useDirectory';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useApiForm } from '../../components/useApiForm';
import { CallFields } from './CallFields';
import { HistoryPanel } from './HistoryPanel';
import { KEY_REUSED_ADVICE, KEY_REUSED_STATUS, newIdempotencyKey } from './idempotency';
import { OverrideFields } from './OverrideFields';
import { findPerson } from './override-targets';
import { type OverrideSummary, ProposalPanel } from './ProposalPanel';
import { missingLabels, type Suggestion } from './proposal-outcome';
import { proposalRequest } from './proposal-request';
import {
  atFormFields,
  emptyValues,
  FORM_FIELDS,
  type IntakeValues,
  stampsCallTimes,
  toLocalField,
  toTicketBody,
} from './ticket-body';
import { useProposal } from './useProposal';
import { useSubmitTicket } from './useSubmitTicket';
import { useVoicemailPrefill } from './useVoicemailPrefill';
import { VoicemailBanner } from './VoicemailBanner';
import { sourceOf } from './voicemail-prefill';

/** One call being logged: the form, and beside it `处理建议` and `历史来电`. */
export function IntakeConsole({
  voicemailId,
  onLogged,
}: {
  voicemailId: string | null;
  onLogged: (ticket: CreatedTicket) => void;
}) {
  const [form] = Form.useForm<IntakeValues>();
  const [initialValues] = useState(() => emptyValues());
  const [idempotencyKey, setIdempotencyKey] = useState(() => newIdempotencyKey());
  const [overriding, setOverriding] = useState(false);
  const [keyReused, setKeyReused] = useState(false);
  const overrideButton = useRef<HTMLButtonElement>(null);
  const timesStamped = useRef(false);
  const submitting = useRef(false);
  const source = useMemo(() => sourceOf(voicemailId), [voicemailId]);
  const values = (Form.useWatch([], { form, preserve: true }) ?? initialValues) as IntakeValues;
  const request = useMemo(() => proposalRequest(values, source), [values, source]);
  const proposal = useProposal(request);
  const directory = useDirectory();
  const voicemail = useVoicemailPrefill(form, voicemailId);
  const apiForm = useApiForm(form, FORM_FIELDS);
  const submit = useSubmitTicket(idempotencyKey);

  const answerRequired = proposal.outcome.answerRequired && !overriding;
  const missing = missingLabels(values, { answerRequired, overriding });
  const override: OverrideSummary | null = overriding
    ? {
        action: values.override?.action,
        targetName: findPerson(directory.data, values.override?.targetId)?.name,
        reason: values.override?.reason,
      }
    : null;
  const departmentName = (id: string | null) =>
    directory.data?.departments.find((d) => d.id === id)?.name;

  function onValuesChange(changed: Partial<IntakeValues>) {
    if (stampsCallTimes(changed, { stamped: timesStamped.current, voicemail: !!voicemailId })) {
      const now = toLocalField(Date.now());
      form.setFieldsValue({ ringAt: now, answeredAt: now });
    }
    timesStamped.current = true;
  }

  async function logCall() {
    // A second click while the first is on its way would only repeat it (same key, same ticket).
    if (submitting.current) return;
    submitting.current = true;
    apiForm.clear();
    setKeyReused(false);
    const body = toTicketBody(form.getFieldsValue(true), source, overriding);
    try {
      onLogged(await submit.mutateAsync(body));
    } catch (error) {
      showSubmitError(error);
    } finally {
      submitting.current = false;
    }
  }

  function showSubmitError(error: unknown) {
    if (error instanceof ApiError && error.status === KEY_REUSED_STATUS) {
      setKeyReused(true);
      return;
    }
    if (!(error instanceof ApiError) || error.errors.length === 0) {
      apiForm.show(error);
      return;
    }
    const errors = atFormFields(error.errors);
    apiForm.show(new ApiError(error.status, error.message, errors));
    const first = errors.find((e) => (FORM_FIELDS as readonly string[]).includes(e.field));
    if (first) form.focusField(first.field.split('.'));
  }

  function applySuggestion(suggestion: Suggestion) {
    form.setFieldsValue({ flags: { ...form.getFieldValue('flags'), ...suggestion.flags } });
  }

  function closeOverride() {
    setOverriding(false);
    // Back from the override, the keyboard continues where it left.
    setTimeout(() => overrideButton.current?.focus());
    form.setFieldValue('override', undefined);
    form.setFields(
      (['action', 'targetId', 'reason'] as const).map((f) => ({
        name: ['override', f] as const,
        errors: [],
      })),
    );
  }

  function onKeyDown(event: KeyboardEvent<HTMLFormElement>) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      form.submit();
    }
  }

  return (
    <div className="intake-layout">
      <Card className="intake-form-card">
        {voicemailId && (
          <VoicemailBanner
            voicemailId={voicemailId}
            voicemail={voicemail.data}
            error={voicemail.error}
          />
        )}
        <Form<IntakeValues>
          form={form}
          layout="vertical"
          colon={false}
          requiredMark={false}
          initialValues={initialValues}
          onFinish={logCall}
          onValuesChange={onValuesChange}
          scrollToFirstError={{ block: 'center', focus: true }}
          onKeyDown={onKeyDown}
          className="intake-form"
          aria-label="来电登记"
        >
          <CallFields type={values.type} answerRequired={answerRequired} />
          {overriding && (
            <OverrideFields
              onClose={closeOverride}
              directory={directory.data}
              directoryLoading={directory.isPending}
            />
          )}
          <ErrorAlert error={apiForm.formError} />
          {directory.error ? <ErrorAlert error={directory.error} title="无法读取通讯录" /> : null}
          {keyReused && (
            <Alert
              type="warning"
              showIcon
              className="intake-banner"
              title={KEY_REUSED_ADVICE}
              action={
                <Button
                  size="small"
                  onClick={() => {
                    setIdempotencyKey(newIdempotencyKey());
                    setKeyReused(false);
                    apiForm.clear();
                  }}
                >
                  作为新提交重试
                </Button>
              }
            />
          )}
          <div className="intake-actions">
            {!overriding && (
              <>
                <Button
                  ref={overrideButton}
                  autoInsertSpace={false}
                  onClick={() => setOverriding(true)}
                >
                  改派
                </Button>
                <Typography.Text type="secondary">
                  不采用系统建议时，改由指定人员办理
                </Typography.Text>
              </>
            )}
            <div className="intake-actions-submit">
              <Typography.Text type="secondary">Ctrl+Enter</Typography.Text>
              <Button
                type="primary"
                size="large"
                loading={submit.isPending}
                onClick={() => form.submit()}
                aria-keyshortcuts="Control+Enter"
              >
                提交工单
              </Button>
            </div>
          </div>
        </Form>
      </Card>
      <div className="intake-side">
        <ProposalPanel
          state={proposal}
          typeChosen={!!values.type}
          missing={missing}
          override={override}
          departmentName={departmentName}
          onApplySuggestion={applySuggestion}
        />
        <HistoryPanel tickets={proposal.outcome.earlierTickets} loading={proposal.loading} />
      </div>
    </div>
  );
}
