//! Browser entry of dukao-sheets for a Web Worker.
