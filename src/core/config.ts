// Rule configuration: the `okr.lint.rules` setting (or a CLI default) overlaid by
// the file's own `lint:` block, which wins. A value is `off`, a severity, `true`/
// `false`, or `{ severity, ...options }`.

import type { RuleSettings, Severity } from './model';
import type { AnyRule } from './rule';
import { closestMatch } from './text';

export interface ResolvedRule {
  rule: AnyRule;
  enabled: boolean;
  severity: Severity;
  options: Record<string, unknown>;
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info'];

export interface ConfigProblem {
  /** The rule id (key) the problem is about, as written. */
  key: string;
  message: string;
}

function applyValue(resolved: ResolvedRule, value: unknown, key: string, problems: ConfigProblem[]): void {
  if (value === 'off' || value === false) {
    resolved.enabled = false;
    return;
  }
  if (value === 'on' || value === true) {
    resolved.enabled = true;
    return;
  }
  if (typeof value === 'string') {
    if ((SEVERITIES as string[]).includes(value)) {
      resolved.enabled = true;
      resolved.severity = value as Severity;
    } else {
      problems.push({ key, message: `\`${key}: ${value}\` is not a setting: use off, error, warning, info, or { severity, ...options }.` });
    }
    return;
  }
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    resolved.enabled = true;
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k === 'severity') {
        if (v === 'off') resolved.enabled = false;
        else if ((SEVERITIES as string[]).includes(String(v))) resolved.severity = v as Severity;
        else problems.push({ key, message: `\`severity\` of ${key} must be error, warning, info or off, not "${String(v)}".` });
        continue;
      }
      if (!(k in resolved.rule.defaultOptions)) {
        const known = Object.keys(resolved.rule.defaultOptions);
        const near = closestMatch(k, known);
        problems.push({
          key,
          message: `\`${key}\` has no option \`${k}\`.` + (near ? ` Did you mean \`${near}\`?` : known.length ? ` Its options: ${known.join(', ')}.` : ' It takes no options.'),
        });
        continue;
      }
      const expected = typeof (resolved.rule.defaultOptions as Record<string, unknown>)[k];
      if (typeof v !== expected) {
        problems.push({ key, message: `Option \`${k}\` of ${key} must be a ${expected}, not ${JSON.stringify(v)}.` });
        continue;
      }
      resolved.options[k] = v;
    }
    return;
  }
  problems.push({ key, message: `\`${key}\` must be off, a severity, or { severity, ...options }.` });
}

/** Resolves every rule's on/off, severity and options from layered settings (later layers win). */
export function resolveRules(rules: readonly AnyRule[], layers: RuleSettings[]): { resolved: ResolvedRule[]; problems: ConfigProblem[][] } {
  const resolved = rules.map<ResolvedRule>((rule) => ({ rule, enabled: true, severity: rule.defaultSeverity, options: { ...rule.defaultOptions } }));
  const byId = new Map(resolved.map((r) => [r.rule.id, r]));
  const ids = rules.map((r) => r.id);
  const problems = layers.map((layer) => {
    const out: ConfigProblem[] = [];
    for (const [key, value] of Object.entries(layer ?? {})) {
      if (key === 'default') {
        // `default: off` starts from nothing enabled, as in markdownlint.
        if (value === false || value === 'off') for (const r of resolved) r.enabled = false;
        continue;
      }
      const target = byId.get(key);
      if (!target) {
        const near = closestMatch(key, ids);
        out.push({ key, message: `Unknown rule \`${key}\` in lint settings.` + (near ? ` Did you mean \`${near}\`?` : '') });
        continue;
      }
      applyValue(target, value, key, out);
    }
    return out;
  });
  return { resolved, problems };
}
