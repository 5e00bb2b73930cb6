// A student's first web app: one page, one JSON endpoint, Node.js only.
const http = require('http');

const port = Number(process.env.PORT) || 3000;
const student = process.env.STUDENT || 'a student';
const notes = [];

const server = http.createServer((req, res) => {
  if (req.method === 'GET' && req.url === '/api/notes') {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(notes));
    return;
  }
  if (req.method === 'POST' && req.url === '/api/notes') {
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => {
      notes.push({ id: notes.length + 1, text: body.slice(0, 200) });
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(notes[notes.length - 1]));
    });
    return;
  }
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><title>Notes</title><h1>Notes by ${student}</h1><p>${notes.length} notes so far.</p>`);
});

server.listen(port, () => {
  console.log(`Server listening on port ${port}`);
});

process.on('SIGTERM', () => {
  console.log('SIGTERM received, closing');
  server.close(() => process.exit(0));
});
