#!/usr/bin/env node
// The installed command. `node --import tsx` would resolve tsx from the working directory, so the CLI
// would run only from inside the app; registering tsx from here resolves it next to this file.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
