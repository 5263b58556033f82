import nlBase from './nl.json' with { type: 'json' };
import enBase from './en.json' with { type: 'json' };
import nlOrganisations from './nl/organisations.json' with { type: 'json' };
import enOrganisations from './en/organisations.json' with { type: 'json' };
import nlAccreditation from './nl/accreditation.json' with { type: 'json' };
import enAccreditation from './en/accreditation.json' with { type: 'json' };
import nlCpd from './nl/cpd.json' with { type: 'json' };
import enCpd from './en/cpd.json' with { type: 'json' };
import nlStaffCpd from './nl/staff-cpd.json' with { type: 'json' };
import enStaffCpd from './en/staff-cpd.json' with { type: 'json' };

export type Tree = { [key: string]: string | Tree };

/**
 * The translations, one file per area (nl.json/en.json for the foundation, nl/<area>.json for the rest), merged
 * into one tree per language. A key defined in two files is a mistake and fails at load.
 */
export function mergeTrees(trees: readonly Tree[], path = ''): Tree {
  const out: Tree = {};
  for (const tree of trees) {
    for (const [key, value] of Object.entries(tree)) {
      const at = path ? `${path}.${key}` : key;
      const existing = out[key];
      if (existing === undefined) out[key] = value;
      else if (typeof existing === 'string' || typeof value === 'string') throw new Error(`i18n key defined twice: ${at}`);
      else out[key] = mergeTrees([existing, value], at);
    }
  }
  return out;
}

export const nl: Tree = mergeTrees([nlBase, nlOrganisations, nlAccreditation, nlCpd, nlStaffCpd] as Tree[]);
export const en: Tree = mergeTrees([enBase, enOrganisations, enAccreditation, enCpd, enStaffCpd] as Tree[]);
