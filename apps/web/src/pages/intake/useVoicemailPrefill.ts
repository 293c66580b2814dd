import type { FormInstance } from 'antd';
import { useEffect, useRef } from 'react';
import type { IntakeValues } from './ticket-body';
import { useVoicemail } from './useVoicemail';
import { voicemailValues } from './voicemail-prefill';

/** Fills the number and the time in once the voicemail is read; the agent's typing stays. */
export function useVoicemailPrefill(form: FormInstance<IntakeValues>, voicemailId: string | null) {
  const voicemail = useVoicemail(voicemailId);
  const filledFor = useRef<string | null>(null);
  useEffect(() => {
    const data = voicemail.data;
    if (!data || filledFor.current === data.id) return;
    filledFor.current = data.id;
    form.setFieldsValue(voicemailValues(data));
  }, [voicemail.data, form]);
  return voicemail;
}
