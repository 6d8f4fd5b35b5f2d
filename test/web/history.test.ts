import * as vscode from 'vscode';
import { HISTORY_NEEDS_DESKTOP } from '../../src/workspace/historyAccess';
import { workspaceFolder } from '../integration/helpers';
import { messagesOf } from '../integration/notifications';
import { probeAddressFileName, useProbeAddress } from '../integration/webviewProbe';
import { equal, sameData } from './expect';

describe('history in the web worker', () => {
  before(async () => {
    const file = vscode.Uri.joinPath(workspaceFolder().uri, '..', probeAddressFileName);
    useProbeAddress(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
  });

  it('says once, from Compare with… and from History of This Answer, that history needs the desktop or a server', async () => {
    const compared = await messagesOf(async () =>
      equal(await vscode.commands.executeCommand('competitorScope.compareMatrix', 'HEAD~1'), false, 'whether the matrix compares'),
    );
    sameData(compared, [HISTORY_NEEDS_DESKTOP], 'the messages of Compare with…');
    const answer = { categoryId: 'python-web-frameworks', productId: 'django', axisId: 'auth' };
    const history = await messagesOf(() => vscode.commands.executeCommand('competitorScope.answerHistory', answer));
    sameData(history, [HISTORY_NEEDS_DESKTOP], 'the messages of History of This Answer');
  });
});
