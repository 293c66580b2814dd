import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { CreatedTicket } from '../../api/types';
import { usePageTitle } from '../../app/PageTitle';
import { IntakeConsole } from './IntakeConsole';
import { LoggedTicket } from './LoggedTicket';
import { VOICEMAIL_PARAM } from './voicemail-prefill';
import './intake.css';

/** `/intake`: the agent's console, one call after another. */
export default function IntakePage() {
  usePageTitle('登记来电');
  const [params, setParams] = useSearchParams();
  const voicemailId = params.get(VOICEMAIL_PARAM);
  const [logged, setLogged] = useState<CreatedTicket | null>(null);
  const [fill, setFill] = useState(0);

  function nextCall() {
    setLogged(null);
    setFill((n) => n + 1);
    if (voicemailId) setParams({}, { replace: true });
  }

  return (
    <div className="intake-page">
      <h1 className="intake-title">登记来电</h1>
      {logged ? (
        <LoggedTicket ticket={logged} onNext={nextCall} />
      ) : (
        <IntakeConsole
          key={`${fill}:${voicemailId ?? ''}`}
          voicemailId={voicemailId}
          onLogged={setLogged}
        />
      )}
    </div>
  );
}
