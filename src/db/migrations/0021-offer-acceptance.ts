import type { Kysely, Migration } from 'kysely';

/**
 * How a customer accepted an offer in the portal: `accepted_by_name` (the typed name, or the name given beside a
 * drawing) and `acceptance_signature_type` (`drawn` | `typed`). The drawing itself already has its column
 * (`acceptance_signature`, 0019). Both stay null for a decision the business records through the API.
 */
export const offerAcceptance: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('customer_offers').addColumn('accepted_by_name', 'text').execute();
    await db.schema.alterTable('customer_offers').addColumn('acceptance_signature_type', 'text').execute();
  },
};
