/** The `tertial` command run from source, so that the e2e tests never wait on or race a build of dist/cli. */
import { main } from "../../src/cli/main";

void main(process.argv);
