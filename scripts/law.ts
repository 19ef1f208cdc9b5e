/** `npm run law -- import|diff FILE …`: see src/lib/law/cli.ts. */
import { nodeIo } from '../src/lib/cli-io.ts';
import { main } from '../src/lib/law/cli.ts';

process.exitCode = await main(process.argv.slice(2), nodeIo);
