// JupyterLab's styles for the parts this page uses, and its light theme (the CSS variables).
import '@jupyterlab/application/style/index.js';
import '@jupyterlab/notebook/style/index.js';
import '@jupyterlab/completer/style/index.js';
import '@jupyterlab/tooltip/style/index.js';
import '@jupyterlab/theme-light-extension/style/theme.css';
import './page.css';
