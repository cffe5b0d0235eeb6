// Reference bot for the load comparison (BENCHMARKS.md "Load"): the official Bot Framework SDK for JavaScript,
// a five-step waterfall (text, choice, number, confirm, then a closing step), MemoryStorage, ConversationState
// saved automatically after every turn. Served by Node's own http module so no web framework is measured.
'use strict';

const http = require('http');
const {
    ActivityHandler,
    AutoSaveStateMiddleware,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage
} = require('botbuilder');
const {
    ChoicePrompt,
    ConfirmPrompt,
    DialogSet,
    DialogTurnStatus,
    NumberPrompt,
    TextPrompt,
    WaterfallDialog
} = require('botbuilder-dialogs');

const port = Number(process.env.PORT || 3990);
const host = process.env.HOST || '127.0.0.1';

// No app id: authentication is off, as for a local Emulator session (the bench talks over loopback only).
const auth = new ConfigurationBotFrameworkAuthentication({});
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
    console.error('turn failed:', error);
    await context.sendActivity('Sorry, something went wrong.');
};

const conversationState = new ConversationState(new MemoryStorage());
adapter.use(new AutoSaveStateMiddleware(conversationState));
const dialogState = conversationState.createProperty('dialogState');

const dialogs = new DialogSet(dialogState);
dialogs.add(new TextPrompt('text'));
dialogs.add(new ChoicePrompt('choice'));
dialogs.add(new NumberPrompt('number', async (prompt) => prompt.recognized.succeeded && prompt.recognized.value > 0));
dialogs.add(new ConfirmPrompt('confirm'));

let saved = 0;
dialogs.add(new WaterfallDialog('register', [
    async (step) => step.prompt('text', 'What is the title of the activity?'),
    async (step) => {
        step.values.title = step.result;
        return step.prompt('choice', { prompt: 'Which focus area?', choices: ['Prevention', 'Empowerment', 'Rehabilitation'] });
    },
    async (step) => {
        step.values.area = step.result.value;
        return step.prompt('number', 'What is the target (a number)?');
    },
    async (step) => {
        step.values.target = step.result;
        return step.prompt('confirm', `Save "${step.values.title}" (${step.values.area}, target ${step.values.target})?`);
    },
    async (step) => {
        if (step.result) {
            saved += 1;
            await step.context.sendActivity(`Saved as JS-${saved}.`);
        } else {
            await step.context.sendActivity('Not saved.');
        }
        return step.endDialog();
    }
]));

class WaterfallBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const dc = await dialogs.createContext(context);
            const result = await dc.continueDialog();
            if (result.status === DialogTurnStatus.empty) {
                await dc.beginDialog('register');
            }
            await next();
        });
    }
}

const bot = new WaterfallBot();

// CloudAdapter.process needs a request with a parsed body and a restify/express-like response.
function wrapResponse(res) {
    return {
        socket: res.socket,
        status(code) { res.statusCode = code; return this; },
        header(name, value) { res.setHeader(name, value); return this; },
        send(body) {
            if (body !== undefined && body !== null) {
                if (typeof body === 'object' && !Buffer.isBuffer(body)) {
                    if (!res.getHeader('content-type')) res.setHeader('content-type', 'application/json');
                    res.write(JSON.stringify(body));
                } else {
                    res.write(body);
                }
            }
            return this;
        },
        end() { if (!res.writableEnded) res.end(); return this; }
    };
}

const server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/api/messages') {
        res.statusCode = req.url === '/healthz' ? 200 : 404;
        res.end();
        return;
    }
    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.statusCode = 400;
            res.end();
            return;
        }
        const request = { body, headers: req.headers, method: req.method };
        adapter.process(request, wrapResponse(res), (context) => bot.run(context)).catch((err) => {
            console.error('process failed:', err);
            if (!res.writableEnded) { res.statusCode = 500; res.end(); }
        });
    });
});
server.keepAliveTimeout = 65000;
server.listen(port, host, () => console.log(`js-bot listening on http://${host}:${port}/api/messages (pid ${process.pid})`));
