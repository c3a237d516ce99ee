// A JupyterLab notebook page made of JupyterLab's own front-end packages: the notebook panel with
// its default toolbar (run, stop, restart, kernel name) and the kernel status indicator, the output area
// and rendermime with the standard renderers, the kernel completer on Tab and the tooltip
// (inspector) on Shift+Tab. JupyterLab's application shell is left out: the tests exercise what a
// lecturer touches in a notebook, i.e. the code that talks to the kernel.
//
// The page is served as static files by jupyter-server, which also serves the REST and kernel
// websocket APIs on the same origin. The notebook path and the server token come in the query
// string: ?path=NAME.ipynb&token=TOKEN.
import './style.js';

import { PageConfig } from '@jupyterlab/coreutils';
import { ServiceManager } from '@jupyterlab/services';
import { SessionContextDialogs } from '@jupyterlab/apputils';
import {
  CodeMirrorEditorFactory, CodeMirrorMimeTypeService, EditorExtensionRegistry, EditorLanguageRegistry,
  EditorThemeRegistry, ybinding,
} from '@jupyterlab/codemirror';
import {
  Completer, CompleterModel, CompletionHandler, KernelCompleterProvider, ProviderReconciliator,
} from '@jupyterlab/completer';
import { DocumentManager } from '@jupyterlab/docmanager';
import { DocumentRegistry } from '@jupyterlab/docregistry';
import { createMarkdownParser } from '@jupyterlab/markedparser-extension';
import {
  ExecutionIndicator, NotebookActions, NotebookModelFactory, NotebookPanel, NotebookWidgetFactory, StaticNotebook,
  ToolbarItems,
} from '@jupyterlab/notebook';
import { RenderMimeRegistry, standardRendererFactories } from '@jupyterlab/rendermime';
import { Tooltip } from '@jupyterlab/tooltip';
import { CommandRegistry } from '@lumino/commands';
import { BoxPanel, Widget } from '@lumino/widgets';

const query = new URLSearchParams(window.location.search);
PageConfig.setOption('baseUrl', new URL('/', window.location.href).href);
PageConfig.setOption('token', query.get('token') ?? '');
// The token stays out of the address bar, as in JupyterLab.
window.history.replaceState({}, '', `${window.location.pathname}?path=${encodeURIComponent(query.get('path') ?? '')}`);

function editorFactory(languages) {
  const themes = new EditorThemeRegistry();
  EditorThemeRegistry.getDefaultThemes().forEach((theme) => themes.addTheme(theme));
  const extensions = new EditorExtensionRegistry();
  EditorExtensionRegistry.getDefaultExtensions({ themes }).forEach((extension) => extensions.addExtension(extension));
  // Binds each editor to its cell's shared text, which is what the notebook model executes.
  extensions.addExtension({
    name: 'shared-model-binding',
    factory: (options) => EditorExtensionRegistry.createImmutableExtension(ybinding({
      ytext: options.model.sharedModel.ysource,
      undoManager: options.model.sharedModel.undoManager ?? undefined,
    })),
  });
  return new CodeMirrorEditorFactory({ extensions, languages });
}

function createNotebook(manager, rendermime, languages, dialogs) {
  const registry = new DocumentRegistry();
  const docManager = new DocumentManager({
    registry, manager, opener: { open: () => {}, get opened() { return { connect: () => false, disconnect: () => false }; } },
  });
  docManager.autosave = false;  // the page never writes to the notebook it opened
  registry.addModelFactory(new NotebookModelFactory({}));
  registry.addWidgetFactory(new NotebookWidgetFactory({
    name: 'Notebook', modelName: 'notebook', fileTypes: ['notebook'], defaultFor: ['notebook'],
    preferKernel: true, canStartKernel: true, rendermime,
    contentFactory: new NotebookPanel.ContentFactory({ editorFactory: editorFactory(languages).newInlineEditor }),
    mimeTypeService: new CodeMirrorMimeTypeService(languages),
    toolbarFactory: (panel) => [
      ...ToolbarItems.getDefaultItems(panel, dialogs),
      { name: 'executionProgress', widget: ExecutionIndicator.createExecutionIndicatorItem(panel) },
    ],
    // Every cell in the DOM, so that the tests (and screenshots) see the whole notebook.
    notebookConfig: { ...StaticNotebook.defaultNotebookConfig, windowingMode: 'none' },
  }));
  return docManager.open(query.get('path'));
}

function connectCompleter(panel) {
  const completer = new Completer({ model: new CompleterModel() });
  const reconciliator = () => new ProviderReconciliator({
    context: { widget: panel, editor: panel.content.activeCell?.editor, session: panel.sessionContext.session },
    providers: [new KernelCompleterProvider()],
    timeout: 5000,
  });
  const handler = new CompletionHandler({ completer, reconciliator: reconciliator() });
  const follow = () => {
    handler.editor = panel.content.activeCell?.editor ?? null;
    handler.reconciliator = reconciliator();
  };
  panel.content.activeCellChanged.connect(follow);
  panel.sessionContext.sessionChanged.connect(follow);
  void panel.sessionContext.ready.then(follow);
  completer.hide();
  completer.addClass('jp-ThemedContainer');
  Widget.attach(completer, document.body);
  return handler;
}

/** Shift+Tab: what JupyterLab's tooltip extension does, an inspect request at the cursor. */
async function showTooltip(panel, rendermime, current) {
  current.tooltip?.dispose();
  const cell = panel.content.activeCell;
  const kernel = panel.sessionContext.session?.kernel;
  if (!cell || !kernel) return;
  const editor = cell.editor;
  const code = editor.model.sharedModel.getSource();
  const reply = await kernel.requestInspect({
    code, cursor_pos: editor.getOffsetAt(editor.getCursorPosition()), detail_level: 0,
  });
  if (reply.content.status !== 'ok' || !reply.content.found) return;
  current.tooltip = new Tooltip({ anchor: panel.content, bundle: reply.content.data, editor, rendermime });
  Widget.attach(current.tooltip, document.body);
}

function addCommands(commands, panel, completion, rendermime, dialogs) {
  const tooltip = {};
  const inCode = () => panel.content.activeCell?.model.type === 'code';
  commands.addCommand('run-and-advance', {
    execute: () => NotebookActions.runAndAdvance(panel.content, panel.sessionContext, dialogs),
  });
  commands.addCommand('complete', { execute: () => inCode() && completion.invoke() });
  commands.addCommand('complete-select', { execute: () => completion.completer.selectActive() });
  commands.addCommand('tooltip', { execute: () => inCode() && showTooltip(panel, rendermime, tooltip) });
  commands.addCommand('command-mode', { execute: () => { panel.content.mode = 'command'; } });
  commands.addCommand('edit-mode', { execute: () => { panel.content.mode = 'edit'; } });
  // JupyterLab's default key bindings for these commands.
  commands.addKeyBinding({ selector: '.jp-Notebook', keys: ['Shift Enter'], command: 'run-and-advance' });
  commands.addKeyBinding({
    selector: '.jp-Notebook.jp-mod-editMode .jp-mod-completer-enabled', keys: ['Tab'], command: 'complete',
  });
  commands.addKeyBinding({ selector: '.jp-mod-completer-active', keys: ['Enter'], command: 'complete-select' });
  commands.addKeyBinding({ selector: '.jp-Notebook.jp-mod-editMode', keys: ['Shift Tab'], command: 'tooltip' });
  commands.addKeyBinding({ selector: '.jp-Notebook.jp-mod-editMode', keys: ['Escape'], command: 'command-mode' });
  commands.addKeyBinding({
    selector: '.jp-Notebook.jp-mod-commandMode:not(.jp-mod-readWrite) :focus', keys: ['Enter'], command: 'edit-mode',
  });
  document.addEventListener('keydown', (event) => commands.processKeydownEvent(event), true);
}

async function main() {
  const manager = new ServiceManager();
  await manager.ready;
  const languages = new EditorLanguageRegistry();
  EditorLanguageRegistry.getDefaultLanguages().forEach((language) => languages.addLanguage(language));
  const rendermime = new RenderMimeRegistry({
    initialFactories: standardRendererFactories, markdownParser: createMarkdownParser(languages),
  });
  const dialogs = new SessionContextDialogs();
  const panel = createNotebook(manager, rendermime, languages, dialogs);
  const commands = new CommandRegistry();
  addCommands(commands, panel, connectCompleter(panel), rendermime, dialogs);

  const main = new BoxPanel();
  main.id = 'main';
  main.addClass('jp-ThemedContainer');
  BoxPanel.setStretch(panel, 1);
  main.addWidget(panel);
  Widget.attach(main, document.body);
  window.addEventListener('resize', () => main.update());
  // What the test reads to wait for states it cannot see on the page (which cell ran, the kernel's status).
  window.lab = { panel, NotebookActions, dialogs };
}

window.addEventListener('load', () => {
  main().catch((error) => {
    document.body.textContent = `The notebook page failed to start: ${error.message}`;
    throw error;
  });
});
