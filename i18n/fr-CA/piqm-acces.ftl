# piqm-acces — français (Canada). Première langue de l'interface.
# Les messages disent quoi faire et nomment le champ (voir ../shared/notes/form-ux.md).

app-title = Désignation d'un gestionnaire local des droits d'accès — PIQM
app-name = Accès PIQM

## Étapes

step-choice = Choix du formulaire
step-organization = Organisme
step-requester = Demandeur
step-manager = Gestionnaire
step-review = Vérifiez vos réponses
step-sending = Envoi
step-confirmed = Demande envoyée
step-queued = En attente d'envoi
step-refused = Demande refusée
step-progress = Étape { $number } sur { $count } — { $title }

## Choix du formulaire

kind-municipality = Municipalité
kind-organization = Organisme
mcat-municipalite = Municipalité
mcat-ville = Ville
mcat-village = Village
mcat-village-nordique = Village nordique
mcat-paroisse = Paroisse
mcat-canton = Canton
mcat-cantons-unis = Cantons unis
mcat-mrc = MRC
mcat-region = Région
civility-mr = M.
civility-mrs = Mme

## Libellés des champs

field-form-kind = Formulaire
field-municipal-category = Catégorie de la municipalité
field-organization-category = Catégorie de l'organisme
field-org-name = Nom de l'organisme
field-civic-number = Numéro civique
field-street = Nom de la rue
field-municipality = Municipalité
field-postal-code = Code postal
field-region = Région administrative
field-provincial-riding = Circonscription électorale provinciale
field-federal-riding = Circonscription électorale fédérale
field-identification-code = Code d'identification de la municipalité
field-civility = Civilité
field-requester-last-name = Nom du demandeur
field-requester-first-name = Prénom du demandeur
field-requester-function = Fonction
field-requester-phone = Téléphone
field-requester-extension = Poste
field-requester-email = Courriel
field-manager-username = Nom d'utilisateur au Bureau municipal
field-manager-last-name = Nom
field-manager-first-name = Prénom
field-manager-function = Fonction
field-manager-phone = Téléphone
field-manager-extension = Poste
field-manager-email = Courriel

## Indications sous les libellés

optional = (facultatif)
not-provided = Non fourni
hint-postal-code = Par exemple : G1R 4J3
hint-requester-phone = Par exemple : 418 691-2005
hint-requester-extension = Chiffres seulement, par exemple 123
hint-requester-email = Par exemple : greffe@municipalite.qc.ca
hint-manager-username = Par exemple : abcd0001
hint-identification-code = Le code d'identification de la municipalité lui a été envoyé par la poste le 1er mai 2008. Il est exigé de toutes les municipalités, sauf les villages nordiques, les MRC et les régions.
hint-requester = Le demandeur doit être une personne en autorité au sein de l'organisme.

## Problèmes de validation

error-summary-title = Il y a un problème
err-too-long = Écrivez au plus { $max } caractères dans « { $label } » ; il y en a { $count }.
err-form-kind-missing = Choisissez le formulaire : municipalité ou organisme.
err-municipal-category-missing = Choisissez la catégorie de la municipalité, par exemple Ville ou Municipalité.
err-organization-category-missing = Choisissez la catégorie de l'organisme dans la liste.
err-organization-category-unknown = La catégorie de l'organisme ne fait pas partie de la liste. Choisissez-en une dans la liste.
err-org-name-missing = Entrez le nom de l'organisme.
err-civic-number-format = Le numéro civique doit commencer par un chiffre, par exemple 10 ou 1025-B. Laissez-le vide s'il n'y en a pas.
err-street-missing = Entrez le nom de la rue de l'organisme.
err-municipality-missing = Choisissez la municipalité de l'organisme dans la liste.
err-municipality-unknown = La municipalité ne fait pas partie de la liste des municipalités du Québec. Choisissez-la dans la liste.
err-postal-code-missing = Entrez le code postal de l'organisme, par exemple G1R 4J3.
err-postal-code-format = Le code postal doit comporter 6 caractères, lettre-chiffre-lettre chiffre-lettre-chiffre, par exemple G1R 4J3.
err-postal-code-letter = Le code postal ne peut pas contenir les lettres D, F, I, O, Q ou U, ni commencer par W ou Z. Vérifiez-le, par exemple G1R 4J3.
warn-postal-code-outside-quebec = Ce code postal n'est pas au Québec (il commence par une autre lettre que G, H ou J). Vérifiez-le ; vous pouvez continuer s'il est exact.
err-region-unknown = La région administrative ne fait pas partie de la liste. Choisissez-la dans la liste ou laissez-la vide.
err-region-mismatch = { $municipality } est dans la région { $region }. Choisissez cette région ou laissez le champ vide.
err-provincial-riding-missing = Choisissez la circonscription électorale provinciale de l'organisme.
err-provincial-riding-unknown = La circonscription électorale provinciale ne fait pas partie de la liste de 2022. Choisissez-la dans la liste.
err-provincial-riding-mismatch = Cette circonscription provinciale ne couvre pas { $municipality }. Choisissez une des circonscriptions proposées pour cette municipalité.
err-federal-riding-missing = Choisissez la circonscription électorale fédérale de l'organisme.
err-federal-riding-unknown = La circonscription électorale fédérale ne fait pas partie de la liste de 2023. Choisissez-la dans la liste.
err-identification-code-missing = Entrez le code d'identification de la municipalité, reçu par la poste le 1er mai 2008.
err-identification-code-format = Le code d'identification doit comporter au moins 4 lettres ou chiffres, sans espace. Recopiez-le tel qu'il figure sur la lettre du Ministère.
err-civility-missing = Choisissez M. ou Mme pour le demandeur.
err-requester-last-name-missing = Entrez le nom du demandeur.
err-requester-first-name-missing = Entrez le prénom du demandeur.
err-requester-function-missing = Entrez la fonction du demandeur, par exemple Directrice générale.
err-requester-phone-missing = Entrez le numéro de téléphone du demandeur, par exemple 418 691-2005.
err-requester-phone-digits = Le numéro de téléphone du demandeur doit comporter 10 chiffres, indicatif régional compris, par exemple 418 691-2005.
err-requester-phone-not-north-american = Le numéro de téléphone du demandeur n'existe pas en Amérique du Nord : l'indicatif régional et les trois chiffres suivants ne commencent jamais par 0 ou 1. Vérifiez-le.
err-requester-phone-extension = Après le numéro de téléphone du demandeur, écrivez seulement le poste, par exemple « 418 691-2005 poste 123 », ou utilisez le champ Poste.
err-requester-phone-two-extensions = Le numéro de téléphone du demandeur contient un poste différent de celui du champ Poste. Gardez un seul poste.
err-requester-extension-format = Le poste du demandeur doit comporter au plus 6 chiffres, par exemple 123.
err-requester-email-missing = Entrez l'adresse courriel du demandeur, par exemple greffe@municipalite.qc.ca.
err-requester-email-format = Entrez l'adresse courriel du demandeur sous la forme nom@domaine.ca, sans nom ni espace autour.
err-manager-username-missing = Entrez le nom d'utilisateur au Bureau municipal du gestionnaire, par exemple abcd0001.
err-manager-username-format = Le nom d'utilisateur au Bureau municipal comporte 4 lettres suivies de 4 chiffres, par exemple abcd0001.
warn-manager-unconfirmed = Les coordonnées du gestionnaire n'ont pas encore été confirmées par le Bureau municipal. Elles seront vérifiées avant l'envoi.

## Ligne de commande
# clap ajoute lui-même les deux-points après les en-têtes : on leur donne l'espace insécable.

cli-file-unreadable = Impossible de lire le fichier « { $path } » : { $reason }. Vérifiez le chemin et vos droits sur le fichier.
cli-parse-syntax = Le fichier « { $path } » n'est pas un brouillon lisible : erreur de syntaxe JSON à la ligne { $line }, colonne { $column }. Corrigez-le à cet endroit ou reprenez une copie intacte. (Détail : { $detail })
cli-parse-truncated = Le fichier « { $path } » est incomplet : il s'arrête à la ligne { $line }, colonne { $column }. Il a peut-être été coupé pendant une copie ; reprenez une copie intacte.
cli-parse-content = Le fichier « { $path } » contient une valeur inattendue à la ligne { $line }, colonne { $column } : une valeur obligatoire manque, n'a pas le bon type ou ne fait pas partie des choix permis. (Détail : { $detail })
cli-parse-newer-version = Le fichier « { $path } » a été créé par une version plus récente de l'application (format { $found }). Mettez l'application à jour pour l'ouvrir.
cli-parse-no-version = Le fichier « { $path } » n'est pas un brouillon de désignation : il n'indique pas sa version de format (schema_version).
cli-check-valid = { $path } : la désignation est complète et valide.
cli-check-invalid = { $path } : { $count ->
        [one] 1 problème à corriger.
       *[other] { $count } problèmes à corriger.
    }
cli-warning = avertissement
cli-file-not-utf8 = Le fichier « { $path } » n'est pas un fichier texte UTF-8 : ce n'est pas un brouillon de désignation. Vérifiez que vous avez choisi le bon fichier.
io-not-found = ce fichier n'existe pas
io-permission-denied = vous n'avez pas le droit de le lire
io-is-a-directory = c'est un dossier, pas un fichier
read-too-large = « { $path } » fait plus de { $limit } : { $kind ->
        [draft] aucun brouillon n'est aussi gros (un brouillon complet fait environ 2 Ko)
        [import] aucun brouillon ni aucune copie PDF de l'application n'est aussi gros (une copie fait environ 30 Ko)
        [pkcs12] aucun fichier de certificat PKCS #12 n'est aussi gros (il fait quelques Ko)
        [pdf] aucune copie PDF de l'application n'est aussi grosse (une copie fait environ 30 Ko)
       *[settings] aucun fichier de réglages n'est aussi gros (il fait quelques centaines d'octets)
    }. Il n'est pas lu. Vérifiez que vous avez choisi le bon fichier.
read-not-a-file = « { $path } » n'est pas un fichier ordinaire (c'est un dossier, un tube nommé ou un périphérique) : il n'est pas lu. { $kind ->
        [draft] Choisissez un brouillon (.json) fait par l'application.
        [import] Choisissez un brouillon (.json) ou une copie PDF faits par l'application.
        [pkcs12] Choisissez le fichier .p12 ou .pfx de votre certificat.
        [pdf] Choisissez une copie PDF à imprimer.
       *[settings] Donnez un fichier de réglages ordinaire (config.toml), ou retirez l'option --config.
    }
cli-settings-nothing-done = Rien n'a été fait.
size-bytes = { $n } octets
size-kib = { $n } Kio
size-mib = { $n } Mio
cli-about = Désignation d'un gestionnaire local des droits d'accès au service en ligne du PIQM. Sans commande, ouvre l'application.
cli-help-data-dir = Dossier des brouillons et de la file d'envoi (aussi PIQM_DATA_DIR)
cli-help-config = Fichier de réglages à utiliser
cli-help-lang = Langue des messages : fr ou en (par défaut, celle du système si c'est l'anglais, sinon le français)
cli-help-check = Vérifie un brouillon : affiche chaque problème sous la forme « champ : message ». Code de sortie 0 si la désignation est complète et valide, 1 s'il y a des problèmes, 2 si le fichier est illisible.
cli-help-check-file = Le fichier de brouillon (.json) à vérifier
cli-heading-usage = Utilisation :
cli-heading-options = Options{"\u00A0"}
cli-heading-commands = Commandes{"\u00A0"}
cli-heading-arguments = Arguments{"\u00A0"}
cli-help-help = Affiche cette aide
cli-help-version = Affiche la version
mdes-village-cri = Village cri
mdes-village-naskapi = Village naskapi
mdes-gouvernement-regional = Gouvernement régional
cli-gui-failed = L'application n'a pas pu ouvrir sa fenêtre : { $reason }. Sur Linux, vérifiez qu'une session graphique est ouverte (DISPLAY ou WAYLAND_DISPLAY).

## Application

switch-language = English
help-button = Aide
notice-settings-broken = Le fichier de réglages « { $path } » n'a pas pu être lu ({ $reason }). L'application utilise les réglages par défaut ; vos brouillons ne sont pas touchés.
notice-settings-not-a-file = « { $path } » n'est pas un fichier ordinaire : il n'est pas lu comme fichier de réglages. L'application utilise les réglages par défaut ; vos brouillons ne sont pas touchés.
notice-settings-too-large = Le fichier de réglages « { $path } » dépasse { $limit } Kio : ce ne sont pas des réglages, il n'est pas lu. L'application utilise les réglages par défaut ; vos brouillons ne sont pas touchés.
notice-settings-unsaved = Les réglages n'ont pas pu être enregistrés dans « { $path } » : { $reason }. Ils s'appliquent jusqu'à la fermeture de l'application.
home-title = Désignation d'un gestionnaire local des droits d'accès
home-intro = La présente demande donne accès à votre municipalité ou organisme au service en ligne du Programme d'infrastructures Québec-Municipalités (PIQM) par l'entremise d'une personne que vous désignez. En tant que « gestionnaire local des droits d'accès », cette personne pourra accéder au service en ligne et attribuer ou supprimer des droits d'accès aux employés et mandataires de votre municipalité ou organisme.
home-needs = Ayez en main le nom d'utilisateur au Bureau municipal de la personne désignée (par exemple abcd0001) et, pour une municipalité, le code d'identification reçu par la poste le 1er mai 2008. Vous pouvez remplir la demande en plusieurs fois : rien n'est envoyé avant que vous confirmiez.
home-new = Nouvelle désignation
home-drafts = Vos brouillons
home-no-drafts = Aucun brouillon pour l'instant.
home-return = Retour à l'accueil
back = ‹ Retour
continue = Continuer
continue-to-review = Continuer vers la vérification
change = Modifier
submit = Envoyer la désignation
review-what-sending-does = « Envoyer la désignation » transmet ces réponses à la Direction des infrastructures du Ministère. Rien n'est envoyé avant. Une fois envoyée, la désignation ne peut plus être modifiée ; vous pourrez la dupliquer pour en faire une nouvelle.
to-confirm = à confirmer
picker-placeholder = Tapez pour filtrer la liste
picker-placeholder-short = Tapez les premières lettres, ou cliquez un choix
picker-no-match = Aucun choix ne correspond. Effacez quelques lettres.
choice-intro = Choisissez le formulaire qui correspond à votre organisation : celui des municipalités (municipalité, ville, village, village nordique, paroisse, canton, cantons unis, MRC et région) ou celui des organismes.
organization-intro = Inscrivez les coordonnées complètes de votre organisme.
hint-municipality = Tapez le début du nom, par exemple « levis » pour Lévis.
hint-region = Remplie d'après la municipalité.
hint-provincial-riding = La liste se limite aux circonscriptions qui couvrent la municipalité choisie.
manager-intro = Inscrivez le nom d'utilisateur au Bureau municipal de la personne désignée comme gestionnaire local des droits d'accès, puis cliquez sur « Chercher » : ses coordonnées apparaîtront. Un organisme ne peut désigner qu'un seul gestionnaire pour le service en ligne du PIQM.
manager-modify = Pour modifier ses coordonnées, la personne doit se rendre sur le site du Bureau municipal, donner son nom d'utilisateur et son mot de passe, puis faire les modifications dans la page « Modification aux données personnelles et aux accès ».
lookup-button = Chercher
lookup-searching = Recherche…
lookup-not-found = Aucune personne n'a ce nom d'utilisateur au Bureau municipal. Vérifiez-le auprès de la personne désignée.
lookup-not-configured = La recherche n'est pas possible pour l'instant : l'adresse du service n'est pas configurée. Le nom d'utilisateur est conservé ; les coordonnées seront confirmées avant l'envoi.
lookup-unavailable = Le service ne répond pas pour l'instant. Le nom d'utilisateur est conservé ; les coordonnées seront confirmées avant l'envoi.
sending-body = Envoi de votre désignation à la Direction des infrastructures…
queued-body = Votre désignation est complète et attend d'être envoyée à la Direction des infrastructures. Elle partira dès que le service pourra être joint ; vous n'avez rien d'autre à faire.
queued-no-endpoint = L'adresse du service d'envoi n'est pas encore configurée sur ce poste.
confirmed-thanks = Merci, votre demande a été envoyée avec succès à la Direction des infrastructures.
confirmed-number = Numéro de la demande : { $numero } (reçue le { $date }).
confirmed-next = Dès que la demande aura été traitée, la personne que vous avez désignée recevra un courriel lui confirmant sa nomination à titre de « gestionnaire local des droits d'accès ».
refused-body = La Direction des infrastructures a refusé la demande. Corrigez ce qu'elle indique, puis envoyez-la de nouveau.
refused-fix = Corriger la demande
help-title = Aide
help-how = Remplissez chaque étape puis cliquez sur « Continuer ». Les champs sont obligatoires, sauf ceux marqués « (facultatif) ». Avant l'envoi, une page vous montre toutes vos réponses ; vous pouvez modifier chaque section.
help-contact-title = Pour joindre la Direction des infrastructures
contact-phone = Téléphone : { $value }
contact-fax = Télécopieur : { $value }
contact-email = Courriel : { $value }
help-keys-title = Clavier
help-keys = Tab et Maj+Tab : champ suivant ou précédent
    Entrée : Continuer (ou choisir dans une liste)
    Flèches haut et bas : se déplacer dans une liste
    Échap : fermer une liste ou l'aide
    Alt+Flèche gauche : étape précédente
    F1 : ouvrir ou fermer l'aide
    Ctrl+S : enregistrer tout de suite
    Ctrl+= et Ctrl+- : agrandir ou réduire le texte ; Ctrl+0 : taille normale
help-close = Fermer l'aide

## Envoi au service du Ministère

notice-settings-unknown-key = Le fichier de réglages « { $path } » contient le réglage « { $key } », que cette version ne connaît pas : il est ignoré.
notice-settings-bad-value = Le réglage « { $key } » du fichier « { $path } » n'est pas utilisable ({ $reason }) : la valeur par défaut s'applique. Corrigez-le dans Réglages.
notice-settings-bad-text-size = Le réglage « taille_texte » du fichier « { $path } » vaut { $value } : il doit être un nombre entier de 100 à 200 (pour cent de la taille normale), par exemple taille_texte = 150. Le texte s'affiche à 100 %. Corrigez-le dans Réglages, ou avec Ctrl+= et Ctrl+-.
endpoint-empty = Inscrivez l'adresse du service d'envoi, par exemple https://piqm.example.gouv.qc.ca.
endpoint-invalid = « { $address } » n'est pas une adresse Web. Inscrivez l'adresse complète du service, par exemple https://piqm.example.gouv.qc.ca.
endpoint-not-https = L'adresse « { $address } » doit commencer par https:// : sans chiffrement, la désignation et le jeton circuleraient en clair. (http:// n'est permis que pour un service sur cet ordinateur.)
endpoint-scheme = L'adresse « { $address } » doit commencer par https://.
endpoint-extra = L'adresse « { $address } » ne doit contenir ni nom d'utilisateur, ni mot de passe, ni « ? » ou « # ». Inscrivez seulement l'adresse du service ; le jeton va dans son propre champ.
failure-not-configured = l'adresse du service d'envoi n'est pas configurée sur ce poste
failure-offline = le service n'a pas pu être joint (pas de connexion Internet, ou service arrêté)
failure-timeout = le service n'a pas répondu à temps
failure-busy = le service est occupé et a demandé de réessayer plus tard
failure-server-error = le service a eu une erreur de son côté
failure-bad-response = le service a donné une réponse inattendue

## Brouillons sur disque

draft-status-draft = brouillon
draft-status-ready = prête à envoyer
draft-status-queued = en attente d'envoi
draft-status-sent = envoyée
draft-status-sent-number = envoyée n° { $number }
draft-status-refused = refusée
draft-unnamed = (sans nom)

# Raisons, insérées dans les messages ci-dessous : elles disent aussi quoi faire.
store-reason-not-found = le fichier ou le dossier n'existe pas
store-reason-permission-denied = vous n'avez pas les droits nécessaires sur ce fichier ou ce dossier ; demandez-les au responsable informatique ou choisissez un autre dossier
store-reason-disk-full = le disque est plein ; libérez de l'espace puis réessayez
store-reason-read-only-disk = le disque ou le partage est en lecture seule ; choisissez un dossier où vous pouvez écrire
store-reason-is-a-directory = c'est un dossier, pas un fichier
store-reason-not-a-directory = un fichier porte le nom du dossier attendu ; choisissez un autre dossier
store-reason-other = le système a refusé l'opération ; réessayez, et si cela se reproduit, redémarrez l'ordinateur
store-reason-not-utf8 = ce n'est pas un fichier texte UTF-8, donc pas un brouillon de désignation
store-reason-too-large = le fichier fait plus de { $limit } : c'est beaucoup trop gros pour un brouillon ou une copie PDF, il n'est pas lu ; vérifiez que vous avez choisi le bon fichier
store-reason-not-a-file = ce n'est pas un fichier ordinaire (c'est un dossier, un tube nommé ou un périphérique) : il n'est pas lu ; choisissez un brouillon (.json) ou une copie PDF
store-reason-attachment-too-large = la désignation jointe à ce PDF dépasse { $limit } une fois décompressée : ce n'est pas une copie produite par l'application, la lecture s'est arrêtée là ; demandez une copie intacte à qui vous l'a envoyée
store-reason-unexpected-name = ce fichier n'a pas été enregistré par l'application ; pour ajouter un brouillon, utilisez plutôt l'importation
store-reason-id-mismatch = le nom du fichier ne correspond pas au brouillon qu'il contient ; il a sans doute été copié ou renommé à la main
store-reason-damaged-pdf = ce PDF est endommagé ou n'en est pas un ; reprenez une copie intacte
store-reason-pdf-without-draft = ce PDF ne contient pas de désignation : seules les copies produites par l'application peuvent être importées
store-reason-reader-failed = l'application a rencontré une erreur interne en le lisant ; le fichier est laissé en place : redémarrez l'application, et si cela se reproduit, signalez-le au soutien technique
store-reason-syntax = erreur de syntaxe JSON à la ligne { $line }, colonne { $column }
store-reason-truncated = le fichier s'arrête à la ligne { $line }, colonne { $column } ; il a sans doute été coupé
store-reason-content-at = valeur inattendue à la ligne { $line }, colonne { $column }
store-reason-content = une valeur manque, n'a pas le bon type ou ne fait pas partie des choix permis
store-reason-no-version = il n'indique pas sa version de format (schema_version)
store-reason-newer-version = il a été créé par une version plus récente de l'application (format { $found }) ; mettez l'application à jour pour l'ouvrir

store-io-create-folder = Impossible de créer le dossier « { $path } » : { $reason }.
store-io-list-folder = Impossible de lire le contenu du dossier « { $path } » : { $reason }.
store-io-read = Impossible de lire « { $path } » : { $reason }.
store-io-save = Impossible d'enregistrer « { $path } » : { $reason }. Ce qui était déjà enregistré est intact.
store-io-move = Impossible de déplacer « { $path } » : { $reason }. Le fichier est resté où il était.
store-io-erase = Impossible d'effacer « { $path } » : { $reason }.
store-io-lock = Impossible de réserver le dossier des brouillons (« { $path } ») : { $reason }.
store-io-export = Impossible d'écrire la copie « { $path } » : { $reason }.
store-locked = Le dossier des brouillons « { $path } » est déjà utilisé par une autre fenêtre de l'application. Fermez-la, puis réessayez ; en attendant, les brouillons ne peuvent être que consultés.
store-locked-pid = Le dossier des brouillons « { $path } » est déjà utilisé par une autre fenêtre de l'application (processus { $pid }). Fermez-la, puis réessayez ; en attendant, les brouillons ne peuvent être que consultés.
store-read-only = Les brouillons de « { $path } » sont ouverts en consultation seulement, car une autre fenêtre de l'application les utilise. Fermez-la pour pouvoir les modifier.
store-no-data-folder = Aucun dossier de données n'est disponible pour ce compte : les brouillons ne peuvent être ni enregistrés ni envoyés. Vérifiez que votre dossier personnel existe et que vous pouvez y écrire, puis relancez l'application.
store-not-found = Aucun brouillon ne porte l'identifiant « { $id } ». Vérifiez-le dans la liste des brouillons.
store-ambiguous = « { $prefix } » est le début de l'identifiant de { $count } brouillons. Donnez-en plus de caractères.
store-conflict = Un brouillon porte déjà cet identifiant ({ $id }) : « { $name } ». Choisissez de le remplacer (il ira à la corbeille) ou de garder les deux brouillons.
store-quarantined = Le brouillon « { $file } » est illisible : { $reason }. Il a été mis de côté, sans être effacé, dans le dossier « { $folder } ». Les autres brouillons ne sont pas touchés.
store-unreadable = Le fichier « { $path } » ne peut pas être ouvert : { $reason }.

## Ligne de commande : brouillons

cli-help-drafts = Les brouillons enregistrés sur cet ordinateur : lister, importer, exporter, supprimer, récupérer. Code de sortie 0 si c'est fait, 1 si un choix est nécessaire, 2 si c'est impossible.
cli-help-drafts-list = Affiche les brouillons, du plus récemment modifié au plus ancien
cli-help-drafts-json = Affiche le résultat en JSON, pour les scripts
cli-help-drafts-import = Ajoute un brouillon à partir d'un fichier (par exemple exporté sur un autre ordinateur)
cli-help-drafts-import-file = Le fichier de brouillon (.json) à importer
cli-help-drafts-replace = Si un brouillon porte le même identifiant, le remplacer (l'ancien va à la corbeille)
cli-help-drafts-keep-both = Si un brouillon porte le même identifiant, garder les deux (l'importé reçoit un nouvel identifiant)
cli-help-drafts-export = Écrit une copie d'un brouillon dans un fichier, pour le terminer sur un autre ordinateur
cli-help-drafts-id = L'identifiant du brouillon, ou ses premiers caractères tels que la liste les affiche
cli-help-drafts-output = Le fichier à écrire
cli-help-drafts-force = Remplacer le fichier s'il existe déjà
cli-help-drafts-delete = Met un brouillon à la corbeille (il peut en être récupéré)
cli-help-drafts-duplicate = Crée un nouveau brouillon avec les mêmes réponses
cli-help-drafts-trash = Affiche les brouillons de la corbeille
cli-help-drafts-restore = Récupère un brouillon de la corbeille
cli-help-drafts-version = La version à récupérer, telle que « drafts trash » l'affiche (par défaut : la plus récente)
cli-help-drafts-empty-trash = Efface définitivement les brouillons de la corbeille
cli-drafts-no-data-dir = Impossible de trouver le dossier des brouillons de cet ordinateur. Indiquez-le avec --data-dir DOSSIER ou la variable PIQM_DATA_DIR.
cli-drafts-none = Aucun brouillon dans « { $path } ».
cli-drafts-trash-empty = La corbeille est vide.
cli-drafts-col-id = Identifiant
cli-drafts-col-name = Organisme
cli-drafts-col-kind = Formulaire
cli-drafts-col-step = Étape
cli-drafts-col-status = Statut
cli-drafts-col-modified = Modifié le
cli-drafts-col-deleted = Supprimé le
cli-drafts-col-version = Version
cli-drafts-conflict-hint = Relancez l'importation avec --replace pour remplacer ce brouillon, ou avec --keep-both pour garder les deux.
cli-drafts-imported = Brouillon importé : « { $name } » ({ $id }).
cli-drafts-imported-replaced = Brouillon importé : « { $name } » ({ $id }) remplace le brouillon de même identifiant, qui est maintenant dans la corbeille.
cli-drafts-imported-kept-both = Brouillon importé comme nouveau brouillon : « { $name } » ({ $id }). Le brouillon { $other } est resté tel quel.
cli-drafts-incomplete = { $count ->
        [one] Il reste 1 réponse à compléter ou à corriger avant l'envoi.
       *[other] Il reste { $count } réponses à compléter ou à corriger avant l'envoi.
    }
cli-drafts-export-exists = Le fichier « { $path } » existe déjà. Choisissez un autre nom, ou ajoutez --force pour le remplacer.
cli-drafts-exported = Copie du brouillon « { $name } » écrite dans « { $path } ».
cli-drafts-deleted = Le brouillon « { $name } » ({ $id }) est dans la corbeille. Pour le récupérer : piqm-acces drafts restore { $id }
cli-drafts-duplicated = Nouveau brouillon créé : « { $name } » ({ $id }).
cli-drafts-restored = Le brouillon « { $name } » ({ $id }) est de retour dans la liste.
cli-drafts-trash-emptied = { $count ->
        [0] La corbeille était déjà vide.
        [one] 1 brouillon effacé définitivement.
       *[other] { $count } brouillons effacés définitivement.
    }

## Brouillons dans la fenêtre

home-resume = Vous travailliez sur « { $name } » (étape : { $step }). Vous pouvez reprendre là où vous l'aviez laissé.
home-resume-button = Reprendre ce brouillon
home-import = Importer un brouillon…
home-no-store = Les brouillons ne peuvent pas être enregistrés : aucun dossier de données n'est disponible pour ce compte. Demandez au responsable informatique de vérifier votre dossier personnel.
home-filter = Filtrer par nom d'organisme ou par numéro
home-filter-none = Aucun brouillon ne correspond au filtre.
draft-kind-unknown = Formulaire non choisi
draft-form-municipality = Formulaire municipalité
draft-form-organization = Formulaire organisme
draft-at-step = étape { $number } sur { $count }
draft-at-review = réponses à vérifier
draft-modified = Modifié le { $when }
draft-open = Ouvrir
draft-view = Consulter
draft-duplicate = Dupliquer
draft-export = Exporter…
draft-delete = Supprimer
draft-delete-question = Mettre ce brouillon à la corbeille ?
draft-delete-yes = Oui, le mettre à la corbeille
cancel = Annuler
trash-show = Voir la corbeille
trash-hide = Masquer la corbeille
trash-title = Corbeille
trash-empty = La corbeille est vide.
trash-deleted = supprimé le { $when }
trash-restore = Restaurer
trash-empty-button = Vider la corbeille
trash-empty-question = Effacer définitivement tous les brouillons de la corbeille ?
trash-empty-yes = Oui, effacer définitivement
import-conflict = Le fichier « { $file } » contient un brouillon qui porte le même identifiant que « { $name } ». Que voulez-vous faire ?
import-replace = Remplacer (l'ancien va à la corbeille)
import-keep-both = Garder les deux
import-done = Brouillon importé : « { $name } ».
import-history-sent = D'après ce fichier, c'est la copie d'une désignation envoyée n° { $numero } le { $date }. Elle arrive ici comme un nouveau brouillon, qui n'a pas été envoyé : relisez-le, et ne l'envoyez que s'il s'agit bien d'une nouvelle désignation.
import-history-queued = D'après ce fichier, cette désignation attendait d'être envoyée depuis un autre poste. Elle arrive ici comme un nouveau brouillon, qui n'a pas été envoyé : relisez-le, puis envoyez-le vous-même.
import-history-refused = D'après ce fichier, cette désignation a été refusée le { $date }. Elle arrive ici comme un nouveau brouillon : corrigez-le, puis envoyez-le.
import-history-refused-undated = D'après ce fichier, cette désignation a été refusée. Elle arrive ici comme un nouveau brouillon : corrigez-le, puis envoyez-le.
export-done = Brouillon exporté dans « { $path } ».
dialog-export-title = Exporter le brouillon
dialog-import-title = Importer un brouillon
dialog-filter-draft = Brouillon de désignation
dialog-unavailable = Aucune fenêtre de choix de fichier n'a pu s'ouvrir sur ce poste. Demandez au responsable informatique d'installer le portail de bureau (xdg-desktop-portal), puis réessayez.
saved-at = Enregistré à { $time }
# A date in a sentence: "reçue le 2 décembre 2026 à 5 h 11".
date-long = { $day } { $month } { $year } à { $time }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
close-unsaved = Fermez de nouveau la fenêtre pour quitter quand même : les changements depuis le dernier enregistrement seraient perdus.

## Copie PDF signée

pdf-subtitle = Programme d'infrastructures Québec-Municipalités (PIQM) — copie de la désignation
pdf-date = { $day ->
        [1] 1er
       *[other] { $day }
    } { $month ->
        [1] janvier
        [2] février
        [3] mars
        [4] avril
        [5] mai
        [6] juin
        [7] juillet
        [8] août
        [9] septembre
        [10] octobre
        [11] novembre
       *[12] décembre
    } { $year }
pdf-date-time = { $date } à { $hour } h { $minute }
pdf-page = Page { $number } de { $count }
pdf-draft-mark = BROUILLON — incomplet
pdf-draft-explanation = Cette désignation n'est pas complète : elle ne peut pas être envoyée au Ministère dans cet état. Corrigez les problèmes ci-dessous dans l'application, puis produisez une nouvelle copie.
pdf-problems-title = { $count ->
        [one] 1 problème à corriger
       *[other] { $count } problèmes à corriger
    }
pdf-status = Statut de la demande
pdf-status-draft = Brouillon, pas encore envoyée
pdf-status-queued = En attente d'envoi
pdf-status-sent = Envoyée au Ministère
pdf-status-refused = Refusée par le Ministère
pdf-receipt-number = Numéro de la demande
pdf-receipt-date = Reçue par le Ministère le
pdf-refusal-date = Refusée le
pdf-refusal-message = Motif du refus
pdf-copy-date = Copie produite le
pdf-section-form = Formulaire
pdf-section-organization = Organisme
pdf-section-requester = Demandeur
pdf-section-manager = Gestionnaire local des droits d'accès
pdf-manager-confirmed = Coordonnées confirmées par le Bureau municipal
pdf-yes = Oui
pdf-no = Non
pdf-hand-title = Signature du demandeur
pdf-hand-name = Nom
pdf-hand-function = Fonction
pdf-hand-organization = Organisme
pdf-hand-date = Date
pdf-hand-signature = Signature
pdf-digital-title = Signature numérique de ce document
pdf-digital-signer = Signataire
pdf-digital-date = Signé le
pdf-digital-certificate = Certificat
pdf-digital-self-signed = Certificat autosigné de cette installation (« { $name } »), le même pour toutes ses copies
pdf-digital-issued-by = Certificat de l'organisation, délivré par { $issuer }
pdf-digital-fingerprint = Empreinte SHA-256 du certificat
pdf-digital-note = Ce fichier PDF porte une signature numérique qui couvre tout son contenu : toute modification la rend invalide. Un lecteur PDF permet de la vérifier. La désignation y est aussi jointe en pièce jointe (designation.json).
pdf-attachment-description = Données de la désignation, pour la reprendre dans l'application piqm-acces
pdf-signature-reason = Copie de la désignation d'un gestionnaire local des droits d'accès (PIQM)
pdf-paper-letter = Lettre US (8,5 × 11 po)
pdf-paper-a4 = A4 (210 × 297 mm)
pdf-export-failed = La copie PDF n'a pas pu être produite. C'est une erreur de l'application : signalez-la avec ce détail. (Détail : { $detail })
pdf-identity-wrong-password = Le mot de passe du certificat est incorrect. Entrez le mot de passe qui protège le fichier .p12 ou .pfx.
pdf-identity-not-pkcs12 = Le fichier « { $path } » n'est pas un certificat PKCS #12 lisible (.p12 ou .pfx). Demandez le bon fichier au responsable des certificats de votre organisation. (Détail : { $detail })
pdf-identity-no-key = Le fichier « { $path } » ne contient pas de clé privée avec son certificat. Exportez le certificat avec sa clé privée, puis réessayez.
pdf-identity-unsupported-key = Le type de clé de ce certificat n'est pas pris en charge : seules les clés RSA et ECDSA P-256 le sont. (Détail : { $detail })
pdf-identity-no-organization = Aucun certificat d'organisation n'a été importé. Importez-en un dans les réglages, ou utilisez le certificat de cette installation.
pdf-identity-password-needed = Le certificat de l'organisation est protégé par un mot de passe : entrez-le pour signer la copie.
pdf-identity-io = Impossible de lire ou d'écrire « { $path } » : { $detail }. Vérifiez vos droits sur le dossier des données.
pdf-identity-corrupt = Le fichier « { $path } » de l'identité de signature est endommagé. Supprimez le dossier « identite » : une nouvelle identité sera créée. (Détail : { $detail })
pdf-identity-crypto = L'identité de signature n'a pas pu être créée. C'est une erreur de l'application : signalez-la avec ce détail. (Détail : { $detail })
pdf-identity-expired = Le certificat de l'organisation est expiré depuis le { $date } : il ne peut plus signer. Demandez un certificat à jour au responsable des certificats de votre organisation et importez-le, ou retirez ce certificat pour signer avec celui de cette installation.
pdf-identity-not-yet-valid = Le certificat de l'organisation n'est valide qu'à partir du { $date } : il ne peut pas encore signer. Attendez cette date, ou vérifiez la date et l'heure de cet ordinateur.
pdf-identity-not-for-signing = Ce certificat ne permet pas de signer des documents (il n'a pas l'usage « signature numérique » ni « non-répudiation »). Demandez un certificat de signature au responsable des certificats de votre organisation.
pdf-extract-not-pdf = Le fichier « { $path } » n'est pas un PDF lisible. (Détail : { $detail })
pdf-extract-no-attachment = Le fichier « { $path } » ne contient pas de désignation : ce n'est pas une copie produite par cette application.
pdf-extract-draft = La désignation jointe à « { $path } » est illisible. (Détail : { $detail })
pdf-extract-too-large = Le PDF « { $path } » contient une désignation ou un flux qui dépasse la taille permise une fois décompressé : ce n'est pas une copie produite par l'application, la lecture s'est arrêtée là. Demandez une copie intacte. { $detail }
pdf-print-no-system = Aucun système d'impression ne répond sur cet ordinateur (CUPS sous Linux et macOS, le service « Spouleur d'impression » sous Windows). Installez une imprimante ou démarrez ce service, puis réessayez. (Détail : { $detail })
pdf-print-to-file-unsupported = L'impression dans un fichier (--to-file) n'est offerte que sous Windows, par le pilote de l'imprimante. Ici, imprimez plutôt sur une file CUPS, par exemple une imprimante PDF (cups-pdf).
pdf-reprint-different = Les pages de « { $path } » ne peuvent pas être redessinées à l'identique : ce n'est pas une copie signée faite par cette version de piqm-acces, ou elle a été modifiée depuis. Sous Windows, l'application imprime ses copies sans lecteur PDF ; pour ce fichier, ouvrez-le dans un lecteur PDF et imprimez-le de là, ou refaites la copie (« Exporter en PDF »). (Détail : { $detail })
pdf-reprint-only-copies = Sans lecteur PDF (sous Windows), l'application n'imprime que ses propres copies signées : ouvrez ce fichier dans un lecteur PDF pour l'imprimer.
pdf-print-unknown-printer = L'imprimante « { $printer } » n'existe pas. Choisissez une des imprimantes de la liste.
pdf-print-failed = L'impression sur « { $printer } » a échoué. Vérifiez que l'imprimante est allumée et réessayez. (Détail : { $detail })

## Ligne de commande : copie PDF, impression, identité

cli-help-export = Produit la copie PDF signée d'un brouillon. Code de sortie 0 si la désignation est complète, 1 si elle a été produite marquée « BROUILLON — incomplet », 2 si un fichier est illisible, si la copie ne peut pas être écrite ou si le mot de passe du certificat est incorrect.
cli-help-export-file = Le fichier de brouillon (.json)
cli-help-export-output = Le fichier PDF à écrire
cli-help-export-paper = Format du papier : letter (par défaut) ou a4
cli-help-export-p12 = Signer avec ce certificat PKCS #12 (.p12 ou .pfx) ; mot de passe tiré de PIQM_P12_PASSWORD ou demandé
cli-export-written = { $path } : copie signée écrite ({ $pages ->
        [one] 1 page
       *[other] { $pages } pages
    }).
cli-export-draft = { $path } : copie écrite, marquée « BROUILLON — incomplet » ({ $count ->
        [one] 1 problème à corriger
       *[other] { $count } problèmes à corriger
    } ; « piqm-acces check » les énumère).
cli-export-unwritable = Impossible d'écrire « { $path } » : { $reason }. Choisissez un autre dossier ou vérifiez vos droits.
cli-no-data-dir = Aucun dossier de données n'a été trouvé pour ce compte. Indiquez-en un avec --data-dir.
cli-p12-password-prompt = Mot de passe du certificat :{" "}
cli-p12-no-password = Le mot de passe du certificat n'a pas pu être demandé (pas de terminal). Donnez-le dans la variable d'environnement PIQM_P12_PASSWORD.
cli-help-print = Imprime un fichier PDF sur une imprimante. Sous Windows, aucun lecteur PDF n'est nécessaire : les pages d'une copie faite par piqm-acces sont redessinées par le système d'impression de Windows. Code de sortie 0 si le travail a été transmis, 2 sinon.
cli-help-print-file = Le fichier PDF à imprimer
cli-help-print-printer = L'imprimante (par défaut, celle du système ; « piqm-acces printers » les énumère)
cli-help-print-to-file = Sous Windows : écrit dans ce fichier ce que l'imprimante recevrait (le PostScript, le PCL… de son pilote) au lieu d'imprimer, pour vérifier une impression sans papier
cli-print-sent = { $path } : envoyé à l'imprimante « { $printer } » (travail { $job }).
cli-print-written = { $path } : pages écrites dans « { $output } » par le pilote de l'imprimante « { $printer } » (travail { $job }).
cli-print-no-printer = Aucune imprimante par défaut. Choisissez-en une avec --printer (« piqm-acces printers » les énumère).
cli-help-printers = Énumère les imprimantes ; la mention « par défaut » marque celle du système.
cli-printers-none = Aucune imprimante n'est installée.
cli-printer-default = (par défaut)
cli-help-identity = Affiche ou change l'identité qui signe les copies PDF.
cli-help-identity-show = Affiche l'identité de signature et l'empreinte de son certificat.
cli-help-identity-import = Importe le certificat de l'organisation depuis un fichier PKCS #12 (.p12 ou .pfx) ; son mot de passe n'est pas conservé.
cli-help-identity-import-file = Le fichier .p12 ou .pfx
cli-identity-none = Identité de signature : aucune pour l'instant ; un certificat autosigné sera créé à la première copie PDF.
cli-identity-set-aside = Une identité de signature inutilisable (clé sans certificat, ou qui ne correspondaient pas) a été mise de côté et remplacée ; la note « { $path } » dit pourquoi. Les copies signées avant restent vérifiables, mais l'empreinte a changé.
cli-identity-self-signed = Identité de signature : certificat autosigné de cette installation
cli-identity-organization = Identité de signature : certificat de l'organisation (mot de passe demandé à chaque signature)
cli-identity-holder = Titulaire : { $name }
cli-identity-issuer = Émetteur : { $issuer }
cli-identity-fingerprint = Empreinte SHA-256 : { $fingerprint }
cli-identity-validity = Valide du { $from } au { $to }
cli-identity-algorithm = Algorithme : { $algorithm }
cli-identity-imported = Le certificat a été importé : il signera les prochaines copies PDF.
dialog-filter-draft-or-copy = Brouillon ou copie PDF signée
refusal-unauthorized = Le service n'a pas reconnu l'identification de ce poste (jeton d'accès). Vérifiez le jeton dans les réglages, puis envoyez de nouveau.
refusal-forbidden = Le service a refusé l'accès à ce poste. Vérifiez le jeton dans les réglages et le code d'identification de la municipalité.
refusal-already-designated = Cet organisme a déjà un gestionnaire local des droits d'accès : un organisme ne peut en désigner qu'un seul. Communiquez avec la Direction des infrastructures pour le remplacer.
refusal-generic = La Direction des infrastructures a refusé la demande sans en donner la raison. Communiquez avec elle.
refusal-key-reused = La Direction des infrastructures a déjà reçu une désignation portant le même identifiant, avec d'autres réponses : celles-ci n'ont pas été reçues. Pour les envoyer, cliquez sur « Dupliquer » : une nouvelle désignation est créée avec ces réponses, que vous pourrez envoyer.
lookup-unauthorized = Le service a refusé l'identification de ce poste : vérifiez le jeton d'accès dans les réglages. Le nom d'utilisateur est conservé.
lookup-not-configured-cli = La recherche n'est pas possible : l'adresse du service n'est pas configurée. Donnez-la avec --endpoint URL, la variable PIQM_ENDPOINT ou le réglage adresse_service.
cli-lookup-unknown = Aucune personne n'a le nom d'utilisateur { $username } au Bureau municipal. Vérifiez-le auprès de la personne désignée.
cli-lookup-unauthorized = Le service a refusé l'identification de ce poste ({ $detail }). Vérifiez le jeton (réglage jeton).
cli-lookup-unavailable = La recherche n'a pas pu se faire : { $reason }. Réessayez plus tard.
cli-client-failed = Le client du service d'envoi n'a pas pu démarrer : { $reason }.
cli-endpoint-refused = Rien n'a été envoyé. { $reason }
cli-submit-already-sent = Cette désignation a déjà été envoyée et acceptée (numéro { $numero }) : elle n'est pas envoyée une seconde fois.
cli-submit-invalid = { $path } : rien n'a été envoyé, { $count ->
        [one] 1 problème à corriger.
       *[other] { $count } problèmes à corriger.
    }
cli-send-empty = La file d'envoi est vide : rien à envoyer.
cli-send-accepted = { $name } : envoyée, numéro { $numero }.
cli-send-deferred = { $name } : reste dans la file d'envoi, car { $reason }. Prochain essai automatique : { $next } (ou lancez « piqm-acces send »).
cli-send-refused = { $name } : refusée par la Direction des infrastructures. Corrigez ce qui suit, puis envoyez de nouveau :
cli-send-refused-key-reused = { $name } : refusée par la Direction des infrastructures, qui n'a pas reçu ces réponses :
cli-send-key-reused-hint = En ligne de commande : piqm-acces drafts duplicate { $id }, puis envoyez la copie.
cli-send-problems = { $name } : n'a pas été envoyée, car { $count ->
        [one] 1 réponse est à corriger
       *[other] { $count } réponses sont à corriger
    } (ci-dessous). Elle est redevenue un brouillon : corrigez-la, puis envoyez-la de nouveau.
cli-help-endpoint = Adresse du service d'envoi (aussi PIQM_ENDPOINT) ; remplace celle des réglages
cli-help-submit = Vérifie un brouillon, le met dans la file d'envoi et tente de l'envoyer. Code de sortie 0 si accepté (le numéro est affiché), 1 si le brouillon a des problèmes (rien n'est envoyé), 3 s'il reste dans la file (hors ligne, service occupé), 4 s'il est refusé (les raisons sont affichées).
cli-help-submit-file = Le fichier de brouillon (.json) à envoyer
cli-help-send = Envoie tout ce qui attend dans la file d'envoi. Code de sortie 0 si la file est vide à la fin, 1 si une désignation a des réponses à corriger (elle n'est pas envoyée et redevient un brouillon), 3 s'il en reste, 4 si une désignation a été refusée.
cli-help-lookup = Cherche un nom d'utilisateur au Bureau municipal et affiche les coordonnées. Code de sortie 0 si trouvé, 1 s'il est inconnu, 3 si le service ne peut pas être joint.
cli-help-lookup-username = Le nom d'utilisateur, par exemple abcd0001
settings-open = Réglages
settings-title = Réglages
settings-service = Service d'envoi
settings-intro = Les désignations sont envoyées au service en ligne de la Direction des infrastructures. Inscrivez l'adresse qu'elle vous a donnée et, si elle vous en a remis un, le jeton d'accès de votre organisme.
settings-endpoint = Adresse du service
settings-endpoint-hint = Par exemple : https://piqm.example.gouv.qc.ca. Laissez vide pour préparer les désignations sans les envoyer.
settings-token = Jeton d'accès
settings-token-hint = Le jeton est enregistré dans le fichier de réglages, lisible par vous seul.
settings-save = Enregistrer
settings-test = Tester la connexion
settings-saved = Réglages enregistrés. Les désignations en attente partent dès que le service répond.
settings-testing = Test de la connexion en cours…
settings-test-ok = Le service répond ({ $ms } ms) et accepte ce poste : les désignations peuvent être envoyées.
settings-test-unauthorized = Le service répond, mais refuse l'identification de ce poste ({ $detail }). Vérifiez le jeton d'accès.
settings-test-failed = La connexion n'a pas réussi : { $reason }. Vérifiez l'adresse et votre connexion Internet.
settings-display = Affichage
settings-text-size = Taille du texte : { $percent } %
settings-text-size-hint = De 100 % à 200 %. Au clavier, partout dans l'application : Ctrl+= agrandit, Ctrl+- réduit, Ctrl+0 revient à la taille normale. La taille est gardée pour les prochaines fois.
settings-text-smaller = Réduire
settings-text-larger = Agrandir
settings-text-normal = Taille normale
settings-theme = Couleurs : { $theme }
settings-theme-hint = « Contraste élevé » : texte blanc sur fond noir, liens et repère du clavier en jaune.
settings-theme-system = Selon le système
settings-theme-light = Claires
settings-theme-dark = Sombres
settings-theme-contrast = Contraste élevé
settings-file = Ces réglages sont enregistrés dans { $path }.
outbox-button = File d'envoi
outbox-button-waiting = File d'envoi ({ $count })
outbox-button-sending = Envoi en cours ({ $count })
outbox-title = File d'envoi
outbox-intro = Les désignations prêtes attendent ici d'être envoyées. L'application les envoie dès que le service répond : tout de suite, à chaque démarrage, puis à intervalles de plus en plus espacés (au plus 15 minutes). Chacune n'est reçue qu'une seule fois, même si l'envoi est repris.
outbox-no-endpoint = L'adresse du service d'envoi n'est pas configurée sur ce poste : rien ne peut partir. Inscrivez-la dans les réglages.
outbox-send-now = Envoyer maintenant
outbox-sending = Envoi en cours : { $count }
outbox-empty = Aucune désignation n'attend d'être envoyée.
outbox-run-title = Résultat du dernier envoi
outbox-run-sent = { $name } : envoyée, numéro { $detail }.
outbox-run-refused = { $name } : refusée par la Direction des infrastructures. Ouvrez-la ci-dessous pour voir pourquoi et la corriger.
outbox-run-problems = { $name } : n'a pas été envoyée, car des réponses sont à corriger. Elle est redevenue un brouillon : ouvrez-la depuis l'accueil pour la corriger.
outbox-run-waiting = { $name } : toujours en attente ({ $detail }). Elle sera envoyée de nouveau automatiquement.
outbox-run-no-answer = le service n'a pas répondu
outbox-item-sending = Envoi en cours…
outbox-item-waiting = En attente d'envoi — { $attempts ->
        [0] aucun essai encore
        [one] 1 essai
       *[other] { $attempts } essais
    }
outbox-item-failure = Le dernier essai n'a pas réussi : { $reason }.
outbox-item-refused = Refusée par la Direction des infrastructures
outbox-next-now = Prochain essai : dès que possible.
outbox-next-soon = Prochain essai : dans moins d'une minute.
outbox-next-minutes = Prochain essai automatique : dans { $minutes } min (ou cliquez sur « Envoyer maintenant »).
outbox-open = Voir la file d'envoi
sending-wait = Ne fermez pas l'application pendant l'envoi ; si elle est fermée, l'envoi reprendra au prochain démarrage sans créer de doublon.
confirmed-read-only = Cette désignation est envoyée : elle ne peut plus être modifiée. Pour en préparer une semblable, dupliquez-la.
duplicate = Dupliquer
failure-detail = Détail technique : { $detail }
settings-endpoint-override = Pour cette session, l'application envoie à l'adresse donnée au démarrage (--endpoint ou PIQM_ENDPOINT) : { $address }. Une adresse enregistrée ici la remplace.

## Copie PDF dans la fenêtre

pdf-export-button = Exporter en PDF…
pdf-print-button = Imprimer…
pdf-open-button = Ouvrir la copie
pdf-working = Préparation de la copie signée…
pdf-password-label = Mot de passe du certificat de l'organisation (il n'est jamais conservé)
pdf-password-submit = Signer
dialog-pdf-title = Enregistrer la copie signée
dialog-filter-pdf = Copie PDF signée
dialog-pdf-unavailable = Aucune fenêtre de choix de fichier n'a pu s'ouvrir sur ce poste. Utilisez « Imprimer… », ou demandez au responsable informatique d'installer le portail de bureau (xdg-desktop-portal), puis réessayez.
pdf-saved = Copie signée enregistrée dans « { $path } ».
pdf-saved-draft = Copie enregistrée dans « { $path } », marquée BROUILLON — incomplet : la désignation a encore des problèmes.
pdf-open-failed = Impossible d'ouvrir « { $path } » dans le lecteur de PDF. Ouvrez le fichier depuis votre gestionnaire de fichiers.
pdf-unwritable = Impossible d'écrire « { $path } » : { $reason }. Choisissez un autre dossier ou vérifiez vos droits.
pdf-no-data-dir = La copie ne peut pas être signée : aucun dossier de données n'est disponible pour ce compte. Demandez au responsable informatique de vérifier votre dossier personnel.
print-choose = Choisissez l'imprimante :
print-default = { $printer } (par défaut)
print-none = Aucune imprimante n'est installée sur ce poste. Exportez la copie en PDF et imprimez-la depuis un autre poste.
print-sent = Copie envoyée à l'imprimante « { $printer } ».
settings-identity-title = Signature des copies PDF
settings-identity = Les copies sont signées au nom de { $name } (certificat émis par { $issuer }). Empreinte SHA-256 : { $fingerprint }
settings-identity-self-signed = Les copies sont signées avec le certificat propre à ce poste (« { $name } »), le même pour toutes les copies. Empreinte SHA-256 : { $fingerprint }
settings-identity-none = Aucun certificat pour l'instant : un certificat propre à ce poste sera créé à la première copie PDF.
settings-identity-hint = Pour signer avec le certificat de l'organisation (.p12 ou .pfx), demandez au responsable informatique de l'importer sur ce poste. Comparez l'empreinte avec celle affichée dans la copie pour vérifier qu'elle vient de ce poste.
outbox-read-only = Une autre fenêtre de l'application tient le dossier des brouillons : c'est elle qui envoie. Cette file n'est affichée qu'en lecture.

## Vérifier une copie (piqm-acces verify, « Vérifier une copie… », l'import d'une copie)
pdf-qr-caption = Code de vérification
cli-help-verify = Vérifie une copie PDF signée : entière, telle que signée, et par qui.
cli-help-verify-file = La copie PDF à vérifier.
cli-help-verify-json = Écrit le résultat en JSON.
verify-valid = Copie valide : elle n'a pas été modifiée depuis sa signature.
verify-valid-unknown = Copie intacte depuis sa signature, mais signée par un certificat que ce poste ne connaît pas : comparez l'empreinte ci-dessous avec celle que l'expéditeur vous donne avant de vous y fier.
verify-unsigned = Copie non signée : n'importe qui a pu la faire ou la modifier. Ne vous y fiez pas ; demandez une copie signée à l'expéditeur.
verify-invalid = Copie modifiée ou signature non valable : { $reason } Ne vous y fiez pas ; demandez une nouvelle copie à l'expéditeur.
verify-problem-several = elle porte plusieurs signatures, alors que l'application n'en met qu'une.
verify-problem-not-whole = la signature ne couvre pas tout le fichier : quelque chose a été ajouté après la signature.
verify-problem-digest = le contenu signé a changé après la signature.
verify-problem-signature = la signature ne correspond pas à son certificat.
verify-problem-malformed = la signature est illisible ou d'un type que l'application ne produit pas.
verify-problem-qr = le code QR ne correspond pas à la désignation jointe.
verify-trust-installation = certificat de ce poste
verify-trust-organization = certificat de l'organisation importé sur ce poste
verify-trust-unknown = certificat inconnu de ce poste
verify-signer = Signataire : { $name } ({ $trust })
verify-fingerprint = Empreinte SHA-256 du certificat : { $fingerprint }
verify-validity = Certificat valide du { $from } au { $to }
verify-signed-at = Signée le { $date }
verify-certificate-outside-validity = Attention : le certificat n'était pas valide à la date de la signature.
verify-designation = Désignation { $id } : { $organization }, { $status }
verify-number = Numéro de la demande : { $number }
verify-attachment-sha256 = Empreinte SHA-256 de designation.json : { $sha256 }
verify-qr-absent = Pas de code QR dans cette copie (faite par une version antérieure de l'application).
verify-qr-unchecked = Le code QR n'a pas pu être comparé : la désignation jointe est illisible.
verify-qr-agrees = Le code QR de la page 1 correspond à la désignation jointe.
verify-qr-differs = Le code QR de la page 1 ne correspond pas à la désignation jointe.
verify-error-io = Le fichier « { $path } » ne peut pas être lu. Vérifiez qu'il existe et que vous avez le droit de le lire.
verify-error-too-large = Le fichier « { $path } » dépasse { $limit } Mio : ce n'est pas une copie produite par cette application.
import-altered-copy = La copie « { $path } » n'est pas importée : { $reason } Demandez une nouvelle copie à l'expéditeur.
import-warning-unsigned = Attention : cette copie n'est pas signée. Elle est importée comme brouillon ; relisez chaque réponse avant de l'envoyer.
import-warning-unknown-signer = Attention : cette copie est signée par { $name }, un certificat que ce poste ne connaît pas (empreinte { $fingerprint }). Elle est importée comme brouillon ; relisez chaque réponse avant de l'envoyer.
home-verify = Vérifier une copie…
dialog-verify-title = Choisir la copie PDF à vérifier
dialog-filter-copy = Copie PDF signée
verify-panel-title = Vérification de la copie « { $name } »
verify-panel-close = Fermer

## Page de manuel (man piqm-acces ; examples/manpage.rs)

man-manual = Manuel d'Accès PIQM
man-heading-name = NOM
man-heading-synopsis = SYNOPSIS
man-heading-description = DESCRIPTION
man-heading-environment = ENVIRONNEMENT
man-heading-exit-status = CODES DE SORTIE
man-heading-version = VERSION
man-description = Accès PIQM remplace le formulaire Web du Ministère pour désigner le gestionnaire local des droits d'accès d'une municipalité ou d'un organisme au service en ligne du PIQM. Sans commande, piqm-acces ouvre l'application : les réponses sont enregistrées comme brouillon à mesure qu'elles sont tapées, vérifiées avant tout envoi, puis envoyées une seule fois, au besoin plus tard si le poste est hors ligne. Les commandes ci-dessous offrent les mêmes services pour les scripts et le soutien technique.
man-env-data-dir = Dossier des brouillons, de la file d'envoi et de l'identité de signature, comme --data-dir.
man-env-endpoint = Adresse du service d'envoi, comme --endpoint.
man-env-p12-password = Mot de passe du certificat de export --p12 et de identity import ; sans cette variable, il est demandé au terminal.
man-exit-ok = Tout va bien.
man-exit-problems = La désignation a des problèmes à corriger, ou un choix est nécessaire.
man-exit-unreadable = Un fichier est illisible, ou la ligne de commande est incorrecte.
man-exit-left-in-outbox = Laissé dans la file d'envoi (hors ligne, service occupé, aucune adresse configurée) ; pour lookup, le service n'a pas pu être joint.
man-exit-refused = Refusé par le Ministère.
