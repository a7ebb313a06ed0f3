// Fills the directory from a plan file: its agencies, its people, and for each agency one contact person holding
// the agency's first address (plans name communes and offices, not their clerks), so everyone a plan addresses can
// sign in. Existing versions from the same day are replaced, so seeding twice changes nothing.
import type { Plan } from '../model/plan';
import type { Directory, Role } from './directory';

/** The contact person made for an agency: `<agency id>-dau-moi` (đầu mối: the agency's point of contact). */
export const contactPersonId = (agencyId: string) => `${agencyId}-dau-moi`;

export async function seedDirectoryFromPlan(directory: Directory, plan: Plan, validFrom: string): Promise<void> {
  const approvers = new Set(plan.approvals.flatMap((a) => a.approvers));
  for (const agency of plan.agencies) {
    await directory.putAgency({ id: agency.id, name: agency.name, kind: agency.kind, emails: agency.emails, validFrom });
    const taken = plan.people.some((p) => p.email.toLowerCase() === agency.emails[0]?.toLowerCase());
    if (!taken && agency.emails[0]) {
      await directory.putPerson({ id: contactPersonId(agency.id), name: null, title: `Đầu mối ${agency.name}`, agency: agency.id, email: agency.emails[0], language: agency.language, validFrom });
    }
  }
  for (const person of plan.people) {
    const roles: Role[] = approvers.has(person.id) ? ['official', 'leader'] : ['official'];
    await directory.putPerson({ id: person.id, name: person.name ?? null, title: person.title, agency: person.agency, email: person.email, roles, language: person.language, validFrom });
  }
}
