package quote

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/storyline/storyline"
	"github.com/storyline/storyline/entity"
	"github.com/storyline/storyline/eval/polnear"
	"github.com/storyline/storyline/internal/shareddata"
)

// want is the part of a quote a test checks.
type want struct {
	Speaker string
	Cue     string
	Text    string // the content, quotation marks included for direct quotes
	Direct  bool
	Unnamed bool
}

func got(qs []storyline.Quote) []want {
	out := make([]want, len(qs))
	for i, q := range qs {
		out[i] = want{q.Speaker, q.Cue, q.Text, q.Direct, q.Unnamed}
	}
	return out
}

func TestExtract(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []want
	}{
		{
			name: "proportion as source over the inner cue",
			text: `About 3 in 10 say they want the ferry service restored.`,
			want: []want{{"3 in 10", "say", `they want the ferry service restored`, false, true}},
		},
		{
			name: "proportion in words",
			text: `One in five said the new tax was unfair.`,
			want: []want{{"one in five", "said", `the new tax was unfair`, false, true}},
		},
		{
			name: "say with its own subject governs a stronger cue inside its content",
			text: `Most neighbours say the pastor was uneasy until Mara Quist said she would stay.`,
			want: []want{
				{"most neighbours", "say", `the pastor was uneasy until Mara Quist said she would stay`, false, true},
				{"Mara Quist", "said", `she would stay`, false, false},
			},
		},
		{
			name: "a clause with its own verb after said is no addressee",
			text: `Ms. Dorn said Mr. Pike had told union leaders that he would not renew the old contract.`,
			want: []want{{"Dorn", "said", `Mr. Pike had told union leaders that he would not renew the old contract`, false, false}},
		},
		{
			name: "a nested say is an attribution of its own",
			text: `Lena Ruud said Ivo Brandt says the new pier will open in May.`,
			want: []want{
				{"Lena Ruud", "said", `Ivo Brandt says the new pier will open in May`, false, false},
				{"Ivo Brandt", "says", `the new pier will open in May`, false, false},
			},
		},
		{
			name: "a nested cue other than say is left inside the content",
			text: `Ruth Gale said Tom Ochs called the plan a disaster for the town.`,
			want: []want{{"Ruth Gale", "said", `Tom Ochs called the plan a disaster for the town`, false, false}},
		},
		{
			name: "a short adverbial in -ly opening the sentence is no source",
			text: `More recently, Nils Ek has shifted his tone, offering darker warnings about the port.`,
			want: []want{{"Nils Ek", "offering", `darker warnings about the port`, false, false}},
		},
		{
			name: "an unnamed source before a relative clause in commas",
			text: `The spokeswoman, who spoke on condition of anonymity to discuss the audit, said that the accounts were missing.`,
			want: []want{{"the spokeswoman", "said", `the accounts were missing`, false, true}},
		},
		{
			name: "a cue inside a relative clause in commas is not the clause's",
			text: `Mr. Voss, who asked not to be named, said that the accounts were missing.`,
			want: []want{{"Voss", "said", `the accounts were missing`, false, false}},
		},
		{
			name: "a source and cue set off by commas inside the content",
			text: `The new pier, Ivo Brandt said, will cost the town far too much.`,
			want: []want{{"Ivo Brandt", "said", `The new pier will cost the town far too much`, false, false}},
		},
		{
			name: "a document read after a quotation",
			text: `“The council met the builders twice before the vote,” the press release read.`,
			want: []want{{"the press release", "read", `“The council met the builders twice before the vote,”`, true, false}},
		},
		{
			name: "fired back",
			text: `Ms. Holm fired back that the report was a smear.`,
			want: []want{{"Holm", "fired", `the report was a smear`, false, false}},
		},
		{
			name: "speaker after",
			text: `“We will not sign this treaty,” Maria Lindqvist said on Monday.`,
			want: []want{{"Maria Lindqvist", "said", `“We will not sign this treaty,”`, true, false}},
		},
		{
			name: "inverted speaker after",
			text: `"The harbour will reopen next spring," said Tomas Berg, the port director.`,
			want: []want{{"Tomas Berg", "said", `"The harbour will reopen next spring,"`, true, false}},
		},
		{
			name: "speaker before with colon",
			text: `Governor Ana Ruiz said: “The bridge is safe and the inspection proves it.”`,
			want: []want{{"Ana Ruiz", "said", `“The bridge is safe and the inspection proves it.”`, true, false}},
		},
		{
			name: "split around he said",
			text: "Paul Okafor opened the meeting early.\n\n“We have no choice,” he said, “but to raise the fares this year.”",
			want: []want{{"Paul Okafor", "said", `“We have no choice,” “but to raise the fares this year.”`, true, false}},
		},
		{
			name: "quote continues in the next sentence",
			text: `“The river rose two metres overnight,” Lena Vos told reporters. “Nobody in the valley has seen anything like it.”`,
			want: []want{{"Lena Vos", "told", `“The river rose two metres overnight,” “Nobody in the valley has seen anything like it.”`, true, false}},
		},
		{
			name: "quote across paragraphs",
			text: "Minister Karl Brandt said: “The budget is balanced for the first time in a decade.\n\n“We will keep it that way, whatever the markets do.”",
			want: []want{{"Karl Brandt", "said", "“The budget is balanced for the first time in a decade.\n\n“We will keep it that way, whatever the markets do.”", true, false}},
		},
		{
			name: "indirect with that",
			text: `Mayor Ines Duarte said that the new tram line would open in May.`,
			want: []want{{"Ines Duarte", "said", "the new tram line would open in May", false, false}},
		},
		{
			name: "told with addressee",
			text: `Senator Hal Prewitt told local radio that the vote would be close.`,
			want: []want{{"Hal Prewitt", "told", "the vote would be close", false, false}},
		},
		{
			name: "according to, source after",
			text: `The factory will close by the end of the year, according to two people familiar with the plan.`,
			want: []want{{"two people familiar with the plan", "according to", "The factory will close by the end of the year", false, true}},
		},
		{
			name: "according to, source first",
			text: `According to the county clerk, turnout reached a record high.`,
			want: []want{{"the county clerk", "According to", "turnout reached a record high", false, false}},
		},
		{
			name: "content then speaker",
			text: `The talks had stalled over fishing rights, a ministry spokeswoman said.`,
			want: []want{{"a ministry spokeswoman", "said", "The talks had stalled over fishing rights", false, true}},
		},
		{
			name: "pronoun resolved to the last named speaker",
			text: "Rosa Klemm, the union leader, said the strike would go on.\n\nShe added that talks could resume next week.",
			want: []want{
				{"Rosa Klemm", "said", "the strike would go on", false, false},
				{"Rosa Klemm", "added", "talks could resume next week", false, false},
			},
		},
		{
			name: "surname expanded to the full name",
			text: "Dmitri Volkov arrived in Oslo on Tuesday. Volkov believes the sanctions will be lifted soon.",
			want: []want{{"Dmitri Volkov", "believes", "the sanctions will be lifted soon", false, false}},
		},
		{
			name: "non-speech cue",
			text: `A new poll shows most voters oppose the tax.`,
			want: []want{{"a new poll", "shows", "most voters oppose the tax", false, true}},
		},
		{
			name: "scare quotes are not quotes",
			text: `The so-called “peace dividend” never arrived, and the plan passed on Friday.`,
			want: []want{},
		},
		{
			name: "no attribution",
			text: `The ferry left the harbour at noon and reached the island by three.`,
			want: []want{},
		},
		{
			name: "inverted cue opening the sentence",
			text: `Said Mira Holt, who has sold fish on the quay for forty years, “Nobody asked us.”`,
			want: []want{{"Mira Holt", "Said", `“Nobody asked us.”`, true, false}},
		},
		{
			name: "two cues, two quotes",
			text: `“The vote was fair,” Ivo Rask said, adding: “We will accept the result whatever it is.”`,
			want: []want{
				{"Ivo Rask", "said", `“The vote was fair,”`, true, false},
				{"Ivo Rask", "adding", `“We will accept the result whatever it is.”`, true, false},
			},
		},
		{
			name: "any verb between name and quote",
			text: `Nell Ambrose shrugs, “It is only a game and we lost it fairly.”`,
			want: []want{{"Nell Ambrose", "shrugs", `“It is only a game and we lost it fairly.”`, true, false}},
		},
		{
			name: "NYT style double apostrophes",
			text: `''We are ready for the storm,'' said Chief Olu Adeyemi.`,
			want: []want{{"Olu Adeyemi", "said", `''We are ready for the storm,''`, true, false}},
		},
		{
			name: "a colon after the sentence's subject and verb",
			text: `The letter continues: “Please explain how the decision was made and who made it.”`,
			want: []want{{"the letter", ":", `“Please explain how the decision was made and who made it.”`, true, false}},
		},
		{
			name: "said another",
			text: `“Nobody here wants the new road,” said another.`,
			want: []want{{"another", "said", `“Nobody here wants the new road,”`, true, true}},
		},
		{
			name: "a statement announced with a colon before the quotation's paragraph",
			text: "Governor Ann Lake released the following statement:\n\n“We offer our condolences to the family and friends of the mayor.”",
			want: []want{{"Ann Lake", "statement", `“We offer our condolences to the family and friends of the mayor.”`, true, false}},
		},
		{
			name: "a cue inside a relative clause after the source is not the quotation's",
			text: `“When does the last train leave?” asked the girl, who carried a kite and said her name was Ines.`,
			want: []want{{"the girl", "asked", `“When does the last train leave?”`, true, false}},
		},
		{
			name: "that before a quotation stays in the content",
			text: `The museum said on Friday that “fragile” paintings had been moved to a cooler room.`,
			want: []want{{"the museum", "said", `that “fragile” paintings had been moved to a cooler room`, false, false}},
		},
		{
			name: "a speech verb over a weak noun cue nearer the quotation",
			text: `Mr. Odum, who has promised voters a new bridge, said in his weekly newsletter: "The survey of the riverbed is done. Work starts in May."`,
			want: []want{{"Odum", "said", `"The survey of the riverbed is done. Work starts in May."`, true, false}},
		},
		{
			name: "a participle with its addressee right before the quotation",
			text: "Back in 2003, Mr. Odum admired the ferry company's timetable, telling a radio host: ''Our buses should run like that. They never will.''",
			want: []want{{"Odum", "telling", "''Our buses should run like that. They never will.''", true, false}},
		},
		{
			name: "an opening double mark used to close",
			text: `“If the dam holds through March, the valley farms will plant early,“ said Jim Clyde, a hydrologist.`,
			want: []want{{"Jim Clyde", "said", `“If the dam holds through March, the valley farms will plant early,“`, true, false}},
		},
		{
			name: "the subject after a subordinate clause opening the sentence",
			text: `When the council failed to reach a decision on the budget of the new harbour, Mayor Ines Rota criticized the delay and said, “We cannot wait any longer.”`,
			want: []want{{"Ines Rota", "said", `“We cannot wait any longer.”`, true, false}},
		},
		{
			name: "according to a source without a name or determiner",
			text: `The ferry line lost riders who think that fares rose too fast, according to harbour traffic data.`,
			want: []want{{"harbour traffic data", "according to", "The ferry line lost riders who think that fares rose too fast", false, true}},
		},
		{
			name: "records show closing the sentence",
			text: `A bakery named North Crust paid $800 for the stall in April, market ledgers show.`,
			want: []want{{"market ledgers", "show", "A bakery named North Crust paid $800 for the stall in April", false, true}},
		},
		{
			name: "a dateline is not the subject",
			text: "TROMSØ, Norway - Speaking to fishermen at the quay, Mara Quell praised their catch and promised to repair the harbour.",
			want: []want{
				{"Mara Quell", "praised", "their catch", false, false},
				{"Mara Quell", "promised", "to repair the harbour", false, false},
			},
		},
		{
			name: "the agent of a passive cue is the source",
			text: `The mayor has been criticized by many shop owners for closing the market early.`,
			want: []want{{"many shop owners", "criticized", "The mayor for closing the market early", false, true}},
		},
		{
			name: "a participle after by takes the clause's subject",
			text: `On Tuesday, Mr. Odum answered many questions about the budget before saying, “That is all I can tell you today.”`,
			want: []want{{"Odum", "saying", `“That is all I can tell you today.”`, true, false}},
		},
		{
			name: "went on to say takes the clause's subject",
			text: `The letter went on to say, “No member of the board was told about the sale.”`,
			want: []want{{"the letter", "say", `“No member of the board was told about the sale.”`, true, false}},
		},
		{
			name: "the subject after an adverbial opening the clause",
			text: "Ten winters ago, she chose the lake road over the hill road and said, “The hill road floods every spring.”",
			want: []want{{"she", "said", `“The hill road floods every spring.”`, true, false}},
		},
		{
			name: "a poll opening the sentence is the source of the rest",
			text: `In a county survey released on Monday, 40 percent of residents said the buses ran late.`,
			want: []want{
				{"a county survey released on Monday", "In", "40 percent of residents said the buses ran late", false, true},
				{"40 percent of residents", "said", "the buses ran late", false, true},
			},
		},
		{
			name: "a poll named with a slash opening the sentence",
			text: `In a Herald/Norstat survey released Friday, 12 percent of pupils said the exam was too hard.`,
			want: []want{
				{"Herald", "In", "12 percent of pupils said the exam was too hard", false, false},
				{"12 percent of pupils", "said", "the exam was too hard", false, true},
			},
		},
		{
			name: "a verb outside the lexicon after a noun phrase",
			text: `“We will not be moved,” an angry Lena Ortiz retaliated.`,
			want: []want{{"Lena Ortiz", "retaliated", `“We will not be moved,”`, true, false}},
		},
		{
			name: "a verb outside the lexicon after a name",
			text: `“The council can vote again next week if it likes,” Okafor shot back.`,
			want: []want{{"Okafor", "shot", `“The council can vote again next week if it likes,”`, true, false}},
		},
		{
			name: "a short exclamation opening the sentence before its cue",
			text: `“Not one more!” Dana Moss shouted, waving her sign.`,
			want: []want{{"Dana Moss", "shouted", `“Not one more!”`, true, false}},
		},
		{
			name: "a clause before a quotation whose cue follows it",
			text: `If the bill passes, “it will change how every farm in the valley works,” Mira Sand said.`,
			want: []want{{"Mira Sand", "said", `If the bill passes “it will change how every farm in the valley works,”`, false, false}},
		},
		{
			name: "a participle between two quotations introduces the second",
			text: `Ana Pires said the plan “was a failure from the very first day,” adding, “Nobody in the town ever wanted it.”`,
			want: []want{
				{"Ana Pires", "said", `the plan “was a failure from the very first day,”`, false, false},
				{"Ana Pires", "adding", `“Nobody in the town ever wanted it.”`, true, false},
			},
		},
		{
			name: "a verb of saying outside the counted lexicon",
			text: `“The vote was rigged from the start,” the mayor retorted.`,
			want: []want{{"the mayor", "retorted", `“The vote was rigged from the start,”`, true, true}},
		},
		{
			name: "a cue coordinated with the sentence's first verb",
			text: `Paul Kerr thanked the volunteers for their work and said, “The shelter stays open all winter.”`,
			want: []want{{"Paul Kerr", "said", `“The shelter stays open all winter.”`, true, false}},
		},
		{
			name: "a quotation after a sentence of source and cue",
			text: `Nora Quist, the harbour master, agreed. “We cannot wait another winter for the repairs.”`,
			want: []want{{"Nora Quist", "agreed", `“We cannot wait another winter for the repairs.”`, true, false}},
		},
		{
			name: "a quotation opening the paragraph after a colon",
			text: "Later Nora Quist warned the council:\n\n“The pier will fall into the sea before the spring.”",
			want: []want{{"Nora Quist", "warned", `“The pier will fall into the sea before the spring.”`, true, false}},
		},
		{
			name: "words opening the sentence before the source belong to the quote",
			text: `The new rules, Hale said, “will make the roads safer for everyone.”`,
			want: []want{{"Hale", "said", `The new rules “will make the roads safer for everyone.”`, false, false}},
		},
		{
			name: "an adverbial opening the sentence does not",
			text: `In a speech on Friday, Tom Hale said, “The roads will be safer for everyone.”`,
			want: []want{{"Tom Hale", "said", `“The roads will be safer for everyone.”`, true, false}},
		},
		{
			name: "nor does a conjunction",
			text: `But, Tom Hale said, “the roads will be safer for everyone.”`,
			want: []want{{"Tom Hale", "said", `“the roads will be safer for everyone.”`, true, false}},
		},
		{
			name: "a cue and its subject right after a speech verb are its content",
			text: `Ruth Okoye said she wants “a full inquiry into the contract and its costs.”`,
			want: []want{{"Ruth Okoye", "said", `she wants “a full inquiry into the contract and its costs.”`, false, false}},
		},
		{
			name: "a note in parentheses between name and cue",
			text: `Sen. Ada Morrow (D-Vt.) said she expects a close vote in the spring.`,
			want: []want{{"Ada Morrow", "said", "she expects a close vote in the spring", false, false}},
		},
		{
			name: "according to after a clause with a verb of its own",
			text: `The council rejected the plan, according to two members who attended the meeting.`,
			want: []want{{"two members", "according to", "The council rejected the plan", false, true}},
		},
		{
			name: "source and cue closing the sentence",
			text: `The mayor met the unions and promised to raise wages next year, the city newspaper reported.`,
			want: []want{{"the city newspaper", "reported", "The mayor met the unions and promised to raise wages next year", false, false}},
		},
		{
			name: "a verb after a relative clause is no apposition",
			text: `The bridge, which Lee designed, will close, said Ann Bell.`,
			want: []want{{"Ann Bell", "said", "The bridge, which Lee designed, will close", false, false}},
		},
		{
			name: "straight single quotation marks in a headline",
			text: `Mayor Reyes: 'We will not close the pier.'`,
			want: []want{{"Reyes", ":", `'We will not close the pier.'`, true, false}},
		},
		{
			name: "straight single marks of elision open no quotation",
			text: `The band played rock 'n' roll with 'em all night, Lee said.`,
			want: []want{{"Lee", "said", "The band played rock 'n' roll with 'em all night", false, false}},
		},
		{
			name: "source after a dash",
			text: `“We will rebuild the pier.” — Tom Reyes, mayor of Dover`,
			want: []want{{"Tom Reyes", "—", `“We will rebuild the pier.”`, true, false}},
		},
		{
			name: "source after a dash in a paragraph of its own",
			text: "The storm passed at dawn.\n\n\"We will rebuild the pier.\"\n\n- Reyes.\n\nThe harbor stayed closed.",
			want: []want{{"Reyes", "-", `"We will rebuild the pier."`, true, false}},
		},
		{
			name: "a sentence after a dash is no source",
			text: `“We will rebuild the pier.” — The harbor has been closed since May.`,
			want: []want{},
		},
		{
			name: "a relative clause with commas of its own between source and cue",
			text: `Mr. Dale, whose latest company, Ferro, makes bicycle parts, said the town needed a new bridge.`,
			want: []want{{"Dale", "said", "the town needed a new bridge", false, false}},
		},
		{
			name: "a relative clause after a note in parentheses",
			text: `On the same show, Sen. Ada Morrow (D-Vt.), who has endorsed Lee, said the race was tightening.`,
			want: []want{{"Ada Morrow", "said", "the race was tightening", false, false}},
		},
		{
			name: "a party note in parentheses is no speaker",
			text: `Sen. Ada Morrow (D-Vt.) kept up her habit of tweeting about the hearings.`,
			want: []want{{"Ada Morrow", "tweeting", "about the hearings", false, false}},
		},
		{
			name: "unnamed officials after according to",
			text: `“The pier is safe,” he told Sen. Hal Prewitt (R-Ore.), according to officials with knowledge of the meeting.`,
			want: []want{{"officials with knowledge of the meeting", "according to", `“The pier is safe,”`, true, true}},
		},
		{
			name: "a participle after a speech verb takes its source",
			text: `Mateen kept to himself and left as soon as the meeting ended, Nefzi said, adding, "He was not very friendly."`,
			want: []want{{"Nefzi", "adding", `"He was not very friendly."`, true, false}},
		},
		{
			name: "an adverb between source and cue",
			text: `She has since said that she went because she thought it would be fun.`,
			want: []want{{"She", "said", "she went because she thought it would be fun", false, false}},
		},
		{
			name: "a participle after the quotation is a second attribution of the same source",
			text: `Pell said “we will win this race in the end,” adding that the count would be long.`,
			want: []want{
				{"Pell", "said", `“we will win this race in the end,”`, true, false},
				{"Pell", "adding", "the count would be long", false, false},
			},
		},
		{
			name: "the cue right before a quotation over a participle after it",
			text: `Pell cautioned “let us not get ahead of ourselves in this race,” before predicting a long count.`,
			want: []want{{"Pell", "cautioned", `“let us not get ahead of ourselves in this race,”`, true, false}},
		},
		{
			name: "the title of a show is no quotation",
			text: `Valastro, star of the TLC reality show “Cake Boss,” joined him at the rally.`,
			want: []want{},
		},
		{
			name: "a quotation after a noun naming a work that is no title",
			text: `He wrote in his column, “The council has failed every family on this street.”`,
			want: []want{{"He", "wrote", `“The council has failed every family on this street.”`, true, false}},
		},
		{
			name: "a participle after a quotation-bearing clause takes its speech verb's source",
			text: `Pike’s “excesses” are sickening, Hollande said Tuesday in Paris, noting the nominee “makes you want to leave the room at once.”`,
			want: []want{{"Hollande", "noting", "the nominee “makes you want to leave the room at once.”", false, false}},
		},
		{
			name: "a prepositional phrase naming no one between source and cue",
			text: `"Will he run for mayor again?" a staffer in the room asked.`,
			want: []want{{"a staffer", "asked", `"Will he run for mayor again?"`, true, true}},
		},
		{
			name: "a verb of voicing right before a quotation",
			text: `Lena Vos interrupted his answer, shouting “that is not true!”`,
			want: []want{{"Lena Vos", "shouting", `“that is not true!”`, true, false}},
		},
		{
			name: "a verb of voicing after a quotation and its speaker",
			text: `“Never again!” the crowd cried out.`,
			want: []want{{"the crowd", "cried", `“Never again!”`, true, false}},
		},
		{
			name: "a verb of voicing away from any quotation is no cue",
			text: `Tom Vale sings in a choir, and he cried when the hall closed.`,
			want: []want{},
		},
		{
			name: "a quotation after a participle clause continues the direct quote",
			text: `“The fares must rise,” Paul Okafor said, referring to the budget gap. “We have no other way.”`,
			want: []want{
				{"Paul Okafor", "said", `“The fares must rise,” “We have no other way.”`, true, false},
				{"Paul Okafor", "referring", "to the budget gap", false, false},
			},
		},
		{
			name: "the adjectives before a noun cue are not its source: the clause's subject is",
			text: `The council made a definitive call on the harbour plan after the vote.`,
			want: []want{{"the council", "call", "on the harbour plan after the vote", false, false}},
		},
		{
			name: "a named subject before a noun cue with its own adjectives",
			text: `Mayor Ines Falk gave a forceful endorsement of the tram line on Friday.`,
			want: []want{{"Ines Falk", "endorsement", "of the tram line on Friday", false, false}},
		},
		{
			name: "a possessive before a noun cue is its source",
			text: "Karl Weber chairs the ferry board.\n\nNobody at the hearing doubted his firm belief that the fares would fall.",
			want: []want{{"Karl Weber", "belief", "the fares would fall", false, false}},
		},
		{
			name: "an adverb opening the sentence is no name: the subject after it is the source",
			text: "Likewise, a memo from the port office had this to say about the plan: “The quay is too short for the new ships.”",
			want: []want{{"a memo", "say", "“The quay is too short for the new ships.”", true, true}},
		},
		{
			name: "a determiner opening the sentence is not the speaker's name",
			text: `Some critics fear that the new depot will flood the valley.`,
			want: []want{{"some critics", "fear", "the new depot will flood the valley", false, true}},
		},
		{
			name: "made it clear: the subject of made, not it",
			text: `Mayor Ines Falk made it clear that the depot would stay open.`,
			want: []want{{"Ines Falk", "clear", "the depot would stay open", false, false}},
		},
		{
			name: "who after a name and a comma is that name, not the subject of the sentence",
			text: `Residents cheered Karl Weber, who promised that the fares would fall.`,
			want: []want{{"Karl Weber", "promised", "the fares would fall", false, false}},
		},
		{
			name: "who after a name and a party note",
			text: `Residents cheered Sen. Karl Weber (D-Nor.), who promised that the fares would fall.`,
			want: []want{{"Karl Weber", "promised", "the fares would fall", false, false}},
		},
		{
			name: "who after a name and a dash",
			text: `Residents cheered Karl Weber — who promised that the fares would fall.`,
			want: []want{{"Karl Weber", "promised", "the fares would fall", false, false}},
		},
		{
			name: "a participle after a quotation takes the source of the speech verb before it, not the nearest name",
			text: "Ivo Rask told the radio station that Karl Weber “had a reckless plan for the harbour,” adding, “He lost the whole council.”",
			want: []want{
				{"Ivo Rask", "told", "the radio station that Karl Weber “had a reckless plan for the harbour,”", false, false},
				{"Ivo Rask", "adding", "“He lost the whole council.”", true, false},
			},
		},
		{
			name: "a time phrase between the source and the cue is skipped",
			text: "Dana Holm, the port director, this past week announced that the quay would close.",
			want: []want{{"Dana Holm", "announced", "the quay would close", false, false}},
		},
		{
			name: "a name ending in a word of time is still a name",
			text: "Kristen Day said the quay would close.",
			want: []want{{"Kristen Day", "said", "the quay would close", false, false}},
		},
		{
			name: "a verb and its object after a comma are no inverted source",
			text: "Talking on a radio show last week, Rask said his band and producer Ola Berg, known as Blue Fox, wrote a dozen new songs for the record.",
			want: []want{{"Rask", "said", "his band and producer Ola Berg, known as Blue Fox, wrote a dozen new songs for the record", false, false}},
		},
		{
			name: "a subordinate clause with a cue of its own before the main clause",
			text: "While Holm said the ferry was unsafe, he said there was no reason to close the port.",
			want: []want{
				{"Holm", "said", "the ferry was unsafe", false, false},
				{"Holm", "said", "there was no reason to close the port", false, false},
			},
		},
		{
			name: "a comma closing a subordinate clause inside the content is not before a tail cue",
			text: "Former mayor Ivo Rask, who led the council, said that the deal was hard but that if the mayor made one, he should have insisted on more.",
			want: []want{{"Ivo Rask", "said", "the deal was hard but that if the mayor made one, he should have insisted on more", false, false}},
		},
		{
			name: "as X noted, the main clause is the content",
			text: "As Holm noted, the ferry and the tram have both carried more riders this year.",
			want: []want{{"Holm", "noted", "the ferry and the tram have both carried more riders this year", false, false}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := got(Extract(tt.text, nil))
			if len(g) != len(tt.want) {
				t.Fatalf("got %d quotes %+v, want %d %+v", len(g), g, len(tt.want), tt.want)
			}
			for i := range g {
				if g[i] != tt.want[i] {
					t.Errorf("quote %d:\n got %+v\nwant %+v", i, g[i], tt.want[i])
				}
			}
		})
	}
}

// TestExtractMentions checks that mentions name the speaker: the mention
// covering the source, and for a pronoun the person mentioned before it.
func TestExtractMentions(t *testing.T) {
	text := "Ambassador Lev Sorokin met the minister. “The door is open,” he said. The ambassador later said relations would improve."
	mention := func(sub, name string) storyline.Mention {
		i := strings.Index(text, sub)
		return storyline.Mention{Start: i, End: i + len(sub), Text: sub, Kind: storyline.Person, Name: name}
	}
	ms := []storyline.Mention{
		mention("Lev Sorokin", "Lev Sorokin"),
		mention("The ambassador", "Lev Sorokin"),
	}
	qs := Extract(text, ms)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), got(qs))
	}
	for i, q := range qs {
		if q.Speaker != "Lev Sorokin" {
			t.Errorf("quote %d %q: speaker %q, want Lev Sorokin", i, q.Text, q.Speaker)
		}
	}
}

// TestOffsets checks that every span points at its own text.
func TestOffsets(t *testing.T) {
	text := "Über-Minister Jörg Weiß sagte nichts.\n\n„Wir prüfen das“, said Jörg Weiß. «C’est fini», the envoy said. Officials said the talks would resume, according to Reuters."
	for _, q := range Extract(text, nil) {
		checkQuote(t, text, q)
	}
}

func checkQuote(t *testing.T, text string, q storyline.Quote) {
	t.Helper()
	if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
		t.Fatalf("content span %d-%d out of the text (%d bytes)", q.Start, q.End, len(text))
	}
	if len(q.Parts) == 0 && text[q.Start:q.End] != q.Text {
		t.Errorf("content %q does not match its span %q", q.Text, text[q.Start:q.End])
	}
	for _, p := range q.Parts {
		if p[0] < q.Start || p[1] > q.End || p[0] >= p[1] {
			t.Errorf("part %v outside the content span %d-%d", p, q.Start, q.End)
		}
	}
	if q.CueEnd > q.CueStart && text[q.CueStart:q.CueEnd] != q.Cue {
		t.Errorf("cue %q does not match its span %q", q.Cue, text[q.CueStart:q.CueEnd])
	}
	if q.SpeakerStart < 0 || q.SpeakerEnd > len(text) || q.SpeakerStart > q.SpeakerEnd {
		t.Errorf("speaker span %d-%d out of the text", q.SpeakerStart, q.SpeakerEnd)
	}
	if utf8.ValidString(text) && (!utf8.ValidString(q.Text) || !utf8.ValidString(q.Speaker)) {
		t.Errorf("invalid UTF-8 in %q / %q", q.Text, q.Speaker)
	}
}

func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`“We will not sign,” she said.`,
		"\"A,\" he said, \"B.\"\n\n“C",
		`''Ready,'' said Chief Adeyemi. ‘Yes’ “”`,
		`According to, said that, told`,
		"“\n\n“\n\n”",
		"Mr. A. B. said: \"",
		"\xff\xfe“x”",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, q := range Extract(text, nil) {
			checkQuote(t, text, q)
		}
	})
}

func BenchmarkExtract(b *testing.B) {
	// a made-up article of about 3 KB, written for this benchmark
	para := []string{
		"WASHINGTON — The envoy Anatoly Ivanov returned to the capital on Tuesday after talks that officials described as difficult.",
		"“We heard each other, and that is already something,” Ivanov told reporters outside the embassy. “But the road is long.”",
		"According to two diplomats familiar with the talks, the sides agreed to meet again in the spring.",
		"The White House press secretary, Jane Morrow, said that the administration would judge Moscow by its actions. She added: “Words are not enough.”",
		"A poll released last week shows most voters favour more dialogue, although critics argue the talks reward bad behaviour.",
		"Ivanov, who has served in Washington since 2017, believes relations can improve. “These are small steps,” he said.",
	}
	text := strings.Join(para, "\n\n")
	text = text + "\n\n" + text + "\n\n" + text
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Extract(text, nil)
	}
}

// BenchmarkExtractPolNeAR runs Extract over the PolNeAR dev articles and
// reports articles per second.
func BenchmarkExtractPolNeAR(b *testing.B) {
	docs, err := polnear.ReadDir(shareddata.Dir(b, "eval/polnear/dev"))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	for _, d := range docs {
		size += len(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for _, d := range docs {
			Extract(d.Text, nil)
		}
		n += len(docs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkExtractPolNeARMentions is BenchmarkExtractPolNeAR with the
// entity mentions ingest passes (found once, outside the timing): the
// speaker rules that read mentions are measured too.
func BenchmarkExtractPolNeARMentions(b *testing.B) {
	docs, err := polnear.ReadDir(shareddata.Dir(b, "eval/polnear/dev"))
	if err != nil {
		b.Fatal(err)
	}
	size := 0
	mentions := make([][]storyline.Mention, len(docs))
	for i, d := range docs {
		size += len(d.Text)
		mentions[i] = entity.Extract(d.Text)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	n := 0
	for b.Loop() {
		for i, d := range docs {
			Extract(d.Text, mentions[i])
		}
		n += len(docs)
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

func TestDate(t *testing.T) {
	text := "“We will rebuild the pier,” Mayor Ada Quist said on Thursday. Her deputy said in 2019 that the pier was safe."
	qs := Extract(text, nil)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), got(qs))
	}
	at := func(sub, value string) storyline.Timex {
		i := strings.Index(text, sub)
		return storyline.Timex{Start: i, End: i + len(sub), Text: sub, Type: "DATE", Value: value}
	}
	published := storyline.Day(2024, 3, 11)
	timexes := []storyline.Timex{at("Thursday", "2024-03-07"), at("2019", "2019")}
	Date(text, qs, timexes, published)
	if want := storyline.Day(2024, 3, 7); qs[0].Date != want {
		t.Errorf("first quote dated %v, want %v", qs[0].Date, want)
	}
	if want := storyline.Year(2019); qs[1].Date != want {
		t.Errorf("second quote dated %v, want %v", qs[1].Date, want)
	}
	Date(text, qs, nil, published)
	if qs[0].Date != published {
		t.Errorf("without timexes: dated %v, want the article's %v", qs[0].Date, published)
	}
}
