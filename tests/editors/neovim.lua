-- Open a story headless with the README's Neovim set-up (INIT, taken from the README by
-- try.sh), wait for sourcescore's diagnostics and score lens, print them, and quit with
-- status 0 only if both arrived.
-- Run by tests/editors/try.sh:  nvim --headless --clean -l neovim.lua INIT STORY
local init, story = arg[1], arg[2]
dofile(init)

vim.cmd("filetype on")
vim.cmd.edit(story)
local buf = vim.api.nvim_get_current_buf()

local function diagnostics()
  return vim.diagnostic.get(buf, {namespace = nil})
end

local ok = vim.wait(30000, function() return #diagnostics() > 0 end, 100)
if not ok then
  io.stderr:write("no diagnostics within 30 s (filetype " .. vim.bo[buf].filetype .. ")\n")
  os.exit(1)
end
for _, d in ipairs(diagnostics()) do
  io.write(string.format("diagnostic %s %d:%d %s\n", d.code or "?", d.lnum + 1, d.col + 1,
    (d.message:gsub("\n.*", ""))))
end

local client = vim.lsp.get_clients({bufnr = buf, name = "sourcescore"})[1]
local lens = client:request_sync("textDocument/codeLens",
  {textDocument = vim.lsp.util.make_text_document_params(buf)}, 10000, buf)
local title = lens and lens.result and lens.result[1] and lens.result[1].command
  and lens.result[1].command.title
if not title then
  io.stderr:write("no score lens\n")
  os.exit(1)
end
io.write("lens " .. title .. "\n")
client:stop()
os.exit(0)
