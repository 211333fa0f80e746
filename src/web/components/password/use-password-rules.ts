import { useEffect, useMemo, useState } from 'react';
import { checkLocalPasswordRules, type PasswordOwner, type PasswordRuleId } from '../../../server/modules/identity/password-rules.ts';
import type { PasswordRulesResponse } from '../../../server/modules/identity/password.schema.ts';
import { api } from '../../api/api-client.ts';

/** ok and failed are known; pending waits for the server; later is only checked when the form is sent. */
export type RuleState = 'todo' | 'ok' | 'failed' | 'pending' | 'later';
export type RuleItem = { rule: PasswordRuleId; state: RuleState };

const shownRules: readonly PasswordRuleId[] = ['composition', 'strength', 'personal_information', 'common_password', 'reused'];
const debounceMs = 400;

type Options = {
  owner: PasswordOwner | undefined;
  /** Asks POST /api/me/password/check (dictionary of common passwords), which needs a session. */
  serverCheck: boolean;
  /** Rules the server refused at submission, for the password it was given. */
  refused: { password: string; rules: readonly string[] } | undefined;
};

// Each rule's state as the agent types: the pure rules at once, the server's dictionary check 400 ms after
// the last key. `settled` is false until both agree with the current value: the spoken summary waits for it.
export function usePasswordRules(password: string, { owner, serverCheck, refused }: Options) {
  const [server, setServer] = useState<{ password: string; rules: PasswordRulesResponse['rules'] }>();
  const [debounced, setDebounced] = useState(password);

  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(password), debounceMs);
    return () => window.clearTimeout(timer);
  }, [password]);

  useEffect(() => {
    if (!serverCheck || !debounced) return;
    const controller = new AbortController();
    api.post<PasswordRulesResponse>('/api/me/password/check', { newPassword: debounced }, { signal: controller.signal }).then(
      (answer) => setServer({ password: debounced, rules: answer.rules }),
      () => undefined,
    );
    return () => controller.abort();
  }, [debounced, serverCheck]);

  const items = useMemo<RuleItem[]>(() => {
    const local = new Map(checkLocalPasswordRules(password, owner).map((r) => [r.rule, r.ok]));
    const fromServer = server?.password === password ? new Map(server.rules.map((r) => [r.rule, r.ok])) : undefined;
    const refusedNow = refused?.password === password ? new Set(refused.rules) : new Set<string>();
    return shownRules.map((rule) => {
      if (!password) return { rule, state: 'todo' };
      if (refusedNow.has(rule)) return { rule, state: 'failed' };
      const known = fromServer?.get(rule) ?? local.get(rule);
      if (known !== undefined) return { rule, state: known ? 'ok' : 'failed' };
      if (rule === 'reused' || !serverCheck) return { rule, state: 'later' };
      return { rule, state: 'pending' };
    });
  }, [password, owner, server, serverCheck, refused]);

  const tooLong = password.length > 0 && checkLocalPasswordRules(password, owner).some((r) => r.rule === 'too_long');
  const settled = debounced === password && (!serverCheck || !password || server?.password === password);
  const locallyAcceptable = items.every((item) => item.state !== 'failed') && !tooLong;
  return { items, settled, locallyAcceptable, tooLong };
}
