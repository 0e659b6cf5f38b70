"""Word lists for Cercle's own rules: common first names (French and English), titles and roles,
and the words that mark an organisation, a place or a policy rather than a person.

All lower case; the rules compare case-insensitively. The first names are the most given in
France (INSEE, all decades) and in the United Kingdom and the United States (ONS, SSA), written
from general knowledge; a name missing here can still be found by spaCy's French model."""

from __future__ import annotations

FRENCH_FIRST_NAMES = """
jean pierre michel philippe alain nicolas christophe patrick daniel bernard françois eric éric frédéric
laurent stéphane david olivier sébastien thierry julien pascal jacques andré marc thomas vincent
dominique christian rené louis paul antoine guillaume maxime alexandre romain mathieu matthieu florian
kevin kévin jérôme yves gérard henri hugo lucas léo gabriel arthur raphaël jules adam louise emma jade
alice chloé lina rose anna mila léa manon marie nathalie isabelle sylvie catherine françoise
martine christine monique sandrine valérie véronique sophie céline stéphanie nicole anne julie aurélie
émilie emilie laure laura sarah pauline mathilde claire hélène caroline virginie delphine audrey élodie
elodie charlotte juliette margaux clara inès ines zoé lucie agnès patricia brigitte chantal jacqueline
annie karine corinne florence christelle mélanie marion justine océane lola eva louna ambre agathe
fatima mohamed mohammed ahmed ali karim mehdi nadia samira leila leïla yasmine sofia amina rachid amélie
cécile odile colette denise simone suzanne yvette josiane danielle ginette lucien robert roger marcel
georges maurice raymond fernand joseph albert emile émile victor benoît benoit axel enzo nathan ethan
noah timothée baptiste quentin clément adrien damien fabien frank hervé jérémy
jeremy loïc ludovic mickaël michael morgan régis tristan xavier yann yannick arnaud benjamin
cédric bruno didier serge gilbert guy jean-pierre jean-claude jean-luc jean-marc jean-michel
jean-françois jean-paul jean-louis jean-baptiste jean-marie marie-christine marie-claude anne-marie
marie-france marie-hélène anne-sophie marc-antoine pierre-yves paul-henri rémi remy rémy théo tom
mathis nolan ethan maël mael evan aaron noé gaspard victoire violette capucine apolline éléonore
héloïse constance margot romane lou iris jeanne lisa elsa maëlle maelle nina salomé célia océane
capucine eléa lyna julia léna anaïs lucile mireille micheline paulette jeannine huguette germaine
odette lucienne yolande gisèle gisele bernadette geneviève evelyne éveline muriel murielle sabine
gaëlle gaelle solène solenne morgane élise elise estelle béatrice beatrice christiane danièle
ghislaine josette liliane marcelle marguerite nadine pascale régine roselyne sylviane thérèse
viviane yveline noël noëlle jacky johnny joël joelle joëlle lionel marcel maximilien nathanaël
samuel simon stéphan steve sylvère thibault thibaut tanguy erwan gwendal ronan goulven yves-marie
youssef yassine bilal hamza ibrahim moussa omar sami samir walid farid nabil malik djamel kader
hakim driss fatou aïcha aicha myriam meriem khadija salima soraya hafsa
""".split()

ENGLISH_FIRST_NAMES = """
james john robert michael william david richard joseph thomas charles christopher daniel matthew
anthony mark donald steven stephen paul andrew joshua kenneth kevin brian george timothy ronald edward
jason jeffrey ryan jacob gary nicholas eric jonathan larry justin scott brandon benjamin samuel gregory
alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary
peter kyle noah ethan jeremy walter christian keith roger terry austin sean gerald carl harold dylan
arthur lawrence jordan jesse bryan billy bruce gabriel joe logan albert willie alan eugene russell
vincent philip bobby johnny bradley oliver harry jake charlie oscar leo freddie alfie theo archie toby
max sam tom ben luke callum liam connor owen rhys lewis jamie ross craig stuart neil ian graham colin
martin simon barry gavin dean lee wayne darren shaun will bill mike chris nick matt dan tony steve
rob bob jim tim ed ted joel evan ian hugh rory finn fraser angus hamish euan ewan alistair alasdair
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret
sandra ashley kimberly emily donna michelle carol amanda dorothy melissa deborah stephanie rebecca
sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma nicole helen samantha
katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce
virginia victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline
martha gloria teresa ann sara madison frances kathryn janice jean abigail alice judy sophia grace
denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany charlotte marie
kayla alexis lori chloe lucy ella amelia isla ava mia poppy lily sophie holly georgia freya millie
evie ruby daisy phoebe imogen rosie zoe kate katie claire fiona jane jenny jo liz beth kim sue ellie
harriet eleanor florence matilda esme maisie scarlett layla leah rose hope june faith joy summer
nadia yasmin zara fatima mohammed muhammad ahmed ali omar hassan
""".split()

FIRST_NAMES = frozenset(FRENCH_FIRST_NAMES) | frozenset(ENGLISH_FIRST_NAMES)

# First names that are also common words, places, months or symbols: a name only where the
# context makes one ("Rose a dit", "via Pierre", "Rose Dubois"), never alone ("la rose", "Pierre
# par pierre", "Marianne, symbole de la République", "Florence et Nancy"). The built list of first
# names (assets/detector/first_names.txt) marks these, and the French words it finds, as `word`.
COMMON_WORD_NAMES = frozenset(
    """
    rose pierre marianne claire marie marine france florence nancy lorraine valence lourdes
    victoire constance prudence patience clémence espérance félicité aurore ange reine perle olive
    violette capucine iris jade ambre prune cerise fleur flore marguerite jacinthe myrtille mirabelle
    colombe océane neige mauve aube lune luce line mai june may april august summer autumn dawn
    grace hope faith joy charity will mark bill rob bob sue pat art ray guy frank rich chase hunter
    dean lee amber ruby daisy holly lily ivy jasmine heather hazel poppy jack max sam tom kim
    page lane brook gene don harry noël pascal clément germain marin colin basile martin maxime
    lorette miranda
    georgia victoria jordan sidney indiana florida santa medina asia venise adelaide virginia
    carolina augusta charlotte austin tyler madison chelsea paris stone dolly bella gaby
    christian noble roman olivier clémentine églantine marjolaine mélisse lavande garance amande
    anémone angélique parfait constant innocent juste modeste céleste fidèle achille romain normand
    césar maurice prosper désiré honoré aimé fortuné roger oscar carol charlie jerry terry brittany
    nick matt angus graham finn leo peter ross austin summer melissa sandy said candy melody harmony
    crystal teddy sunny sonny dusty rusty
    """.split()
)
# Dictionary words that are far more often first names in a forum's texts: names still alone.
NAMES_MORE_THAN_WORDS = frozenset("jean louis laurent paul hugo adam simon victor".split())
# First names that are also places: never a person alone, even in an actor field ("France").
PLACE_NAMES = frozenset(
    """
    france florence nancy lorraine valence lourdes georgia victoria virginia carolina indiana
    florida sidney medina jordan santa asia argentine toscane chelsea austin madison paris venise
    adelaide augusta savannah côme
    """.split()
)

# Frequent surnames (France, the United Kingdom, Ireland, the United States), without those that
# are common words or places (Young, Hill, Green, King, Wells, Petit, Blanc, Paris…): after any
# capitalised word they make a name, for English texts that have no named-entity model.
SURNAMES = frozenset(
    """
    smith jones williams taylor brown davies evans wilson thomas johnson roberts robinson thompson
    wright walker white edwards hughes lewis harris clarke clark patel jackson turner cooper morris
    moore harrison morgan allen scott phillips watson davis parker bennett griffiths mitchell kelly
    carter richardson collins murphy miller richards khan marshall anderson simpson ellis adams singh
    begum wilkinson foster chapman rogers gray hussain campbell matthews holmes barnes lloyd barker
    stevens jenkins murray dixon harvey pearson ahmed fletcher walsh kaur gibson howard andrews
    stewart elliott reynolds saunders payne pearce brooks lawrence atkinson bradley spencer dawson
    burton o'brien watts booth perry ryan armstrong rees hayes hudson newman barrett webster hunter
    gregory carr lowe riley dunn parsons berry reid holland hawkins harding porter robertson newton
    kennedy williamson gardner shah cooke bates henderson parry burgess walton nicholson freeman
    warren nicholls hamilton byrne sutton mcdonald yates hodgson sharma gupta kumar verma nguyen
    garcia rodriguez martinez hernandez lopez gonzalez o'connor o'neill doyle mccarthy gallagher
    dubois durand leroy moreau laurent lefebvre bertrand fournier morel girard lefèvre mercier dupont
    lambert bonnet garnier faure rousseau guérin guerin muller roussel perrin morin gauthier dumont
    fontaine chevalier masson boyer lemaire duval gautier meyer dufour blanchard barbier dumas
    brunet schmitt leroux renard rolland caron aubert giraud leclerc vidal bourgeois renaud lemoine
    picard gaillard leclercq lacroix fabre dupuis hubert guillot rivière riviere moulin lecomte
    ménard menard fleury deschamps carpentier maillard vasseur jacquet collet prévost prevost
    poirier charpentier royer huet dupuy pons perrot guyot diallo traoré traore benali haddad
    """.split()
)

# Titles that precede a surname ("M. Dupont", "Dr Patel"). "Me" (Maître) only in French texts.
TITLES = (
    "M.",
    "MM.",
    "Mme",
    "Mmes",
    "Mlle",
    "Mlles",
    "Monsieur",
    "Madame",
    "Mademoiselle",
    "Docteur",
    "Docteure",
    "Maître",
    "Professeur",
    "Professeure",
    "Dr",
    "Dr.",
    "Pr",
    "Pr.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Miss",
    "Prof.",
    "Professor",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
)
FRENCH_ONLY_TITLES = ("Me",)

# Roles that name a person when a surname follows ("le préfet Martin", "Mayor Collins").
ROLES = frozenset(
    """
    préfet préfète sous-préfet sous-préfète maire ministre directeur directrice président présidente
    vice-président vice-présidente député députée sénateur sénatrice recteur rectrice commissaire juge
    procureur procureure professeur professeure docteur docteure conseiller conseillère secrétaire
    délégué déléguée adjoint adjointe inspecteur inspectrice ambassadeur ambassadrice colonel
    capitaine commandant chef cheffe avocat avocate
    mayor minister councillor councilor director president senator governor judge commissioner
    professor inspector ambassador secretary chancellor sheriff captain colonel superintendent chair
    chairman chairwoman deputy detective sergeant constable
    """.split()
)
# Lower-case words allowed between a role and the surname ("le directeur général Martin").
ROLE_QUALIFIERS = frozenset(
    """
    général générale adjoint adjointe délégué déléguée régional régionale départemental
    départementale honoraire sortant sortante actuel actuelle interministériel interministérielle
    principal principale
    """.split()
)

# Words that make a capitalised neighbour an organisation, a place, a time or a policy, not a
# surname, nor a first name.
NOT_NAME_WORDS = frozenset(
    """
    le la les l' un une des du de d' et ou the a an of and or for to in on at by with
    conseil cour mairie région préfecture ministère direction agence association fédération fondation
    institut caisse banque haut haute service services office observatoire autorité défenseur
    commission comité syndicat union collectif réseau maison centre université école lycée collège
    hôpital académie assemblée sénat gouvernement état république nationale national départemental
    départementale régional régionale municipal municipale public publique publics publiques numérique
    stratégie travail emploi connect services télévisions culture info radio presse ouverte ouvert
    libre licence plan loi décret code charte label prix programme projet mission pôle grand grande
    générale général interministériel interministérielle adjoint adjointe délégué déléguée
    métropole ville département commune communauté territoire territoires mobilités
    parliament council office service partnership international foundation trust club commission
    authority agency department ministry bank fund institute university college school hospital
    society association union network alliance group forum lab labs centre center committee board
    court assembly government treasury police digital data open national public federal european
    world global united royal city county region state community media news press health care
    education energy transport standard standards act bill charter programme program project
    station street road avenue square garden gardens airport
    citizens advice combined greater general chief officer executive secretary minister
    academy institute library museum campus prize award gov new north south east west nord sud est
    ouest européen européenne musée bibliothèque campus médiathèque st saint sainte san santa
    monday tuesday wednesday thursday friday saturday sunday january february march april may june
    july august september october november december
    lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet
    août septembre octobre novembre décembre
    """.split()
)

# Words before a name that make it a place or an institution named after someone
# ("rue Pierre Lefebvre", "lycée Rose Dubois", "Saint-Pierre").
PLACE_BEFORE = frozenset(
    """
    rue avenue boulevard bd place quai allée impasse chemin square cours pont parc jardin
    lycée collège école université institut fondation hôpital centre salle stade gare prix
    saint sainte st st. street road avenue lane school college university hospital station prize
    musée bibliothèque médiathèque maison espace cité résidence quartier théâtre piscine gymnase
    crèche campus aéroport promenade esplanade museum library theatre
    projet project programme plan opération dispositif label loi rapport amendement
    """.split()
)

# Words after a name that make it an institution or a place named after someone
# ("Alan Turing Institute", "Rose Campus").
INSTITUTION_AFTER = frozenset(
    """
    academy institute library museum foundation centre center hospital school college university
    prize award street road avenue station building stadium campus trust fund lecture park
    """.split()
)

# Particles inside a surname ("Le Goff", "de La Tour", "van der Berg", "O'Brien" is one word).
PARTICLES = (
    "de",
    "du",
    "des",
    "d'",
    "le",
    "la",
    "Le",
    "La",
    "De",
    "Du",
    "van",
    "von",
    "der",
    "den",
    "di",
    "da",
    "ben",
    "el",
    "al",
)
