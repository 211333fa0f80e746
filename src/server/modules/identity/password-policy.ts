import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import * as fr from '@zxcvbn-ts/language-fr';
import { checkLocalPasswordRules, type PasswordOwner, type PasswordRuleId, type PasswordRuleResult, personalFragments } from './password-rules.ts';
import { normalisePassword } from './password-hash.ts';

// Below 10^10 guesses a password falls to an offline attack in hours: it is "common", whatever its length.
const MIN_GUESSES_LOG10 = 10;

let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  zxcvbn ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary, ...fr.dictionary },
    graphs: common.adjacencyGraphs,
    translations: fr.translations,
    // The l33t matcher's cost explodes with symbols; a handful of substitutions catches 'P@ssw0rd'.
    l33tMaxSubstitutions: 8,
  });
  return zxcvbn;
}

export const passwordRuleMessages: Record<PasswordRuleId, string> = {
  too_long: 'Le mot de passe ne doit pas dépasser 256 caractères.',
  composition:
    'Au moins 12 caractères avec majuscules, minuscules, chiffres et symboles, ou au moins 14 caractères avec majuscules, minuscules et chiffres, ou une phrase de passe d’au moins 7 mots.',
  strength: 'La robustesse estimée doit atteindre 80 bits : allongez le mot de passe ou variez les caractères.',
  personal_information: 'Le mot de passe ne doit contenir ni vos nom et prénom, ni votre matricule, ni votre adresse e-mail.',
  common_password: 'Ce mot de passe est trop courant ou trop prévisible (mot du dictionnaire, suite de touches, date…).',
  reused: 'Ce mot de passe fait partie de vos 12 derniers mots de passe.',
};

export function checkPasswordRules(rawPassword: string, owner: PasswordOwner | undefined): PasswordRuleResult[] {
  const password = normalisePassword(rawPassword);
  const results = checkLocalPasswordRules(password, owner);
  if (password.length <= 256) {
    // Matching cost grows fast with length; if the first 64 characters resist, the whole password does.
    const result = estimator().check(password.slice(0, 64), owner ? personalFragments(owner) : []);
    results.push({ rule: 'common_password', ok: result.guessesLog10 >= MIN_GUESSES_LOG10 });
  }
  return results;
}

export function brokenRules(results: PasswordRuleResult[]) {
  return results.filter((r) => !r.ok).map((r) => ({ rule: r.rule, message: passwordRuleMessages[r.rule] }));
}
