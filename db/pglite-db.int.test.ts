import { createTestDb } from '../test-support/test-db.js';
import { describeDbContract } from './db-contract.js';

describeDbContract('embedded PGlite', () => createTestDb());
